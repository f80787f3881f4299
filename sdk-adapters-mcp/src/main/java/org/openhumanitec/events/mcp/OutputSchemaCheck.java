package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tool's output schema compiled to check structured content while its JSON text is written: the mapper's
 * serializers write into a {@link JsonGeneratorDelegate} (Jackson's seam for wrapping a generator) that hands each
 * token to checks made from the schema before passing it on. A result is so written once and checked on the way, with
 * no JSON tree and no second pass over it.
 *
 * <p>Only the keywords of the tools' output schemas are compiled: {@code type} (one of {@code object},
 * {@code array}, {@code string}, {@code boolean}, {@code null}), {@code properties}, {@code required},
 * {@code additionalProperties} (a boolean), {@code items} (one schema), {@code const} (a string, boolean or null),
 * {@code anyOf} of typed branches of distinct types (a value that may be null), and the annotations {@code title} and
 * {@code description}. For a schema with any other keyword {@link #compile} gives nothing; content written as raw
 * JSON, binary, from a reader or as an embedded object is not checked ({@link Written#checked()} is false).
 * {@link ToolSchemaValidator} leaves both cases to networknt.
 */
final class OutputSchemaCheck {

    /** The most findings reported of one value; the first ones, in the order written. */
    static final int MAX_FINDINGS = 10;

    private static final Set<String> KEYWORDS = Set.of(
            "type",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "const",
            "anyOf",
            "title",
            "description");

    private final Shape root;

    private OutputSchemaCheck(Shape root) {
        this.root = root;
    }

    /**
     * Compiles a schema, if it uses only the keywords this class checks.
     *
     * @param schema the schema, as the SDK holds a tool's output schema
     * @return the compiled check, or empty when the schema needs a full validator
     */
    static Optional<OutputSchemaCheck> compile(Map<String, Object> schema) {
        return Optional.ofNullable(Shape.of(schema)).map(OutputSchemaCheck::new);
    }

    /**
     * Writes a value as JSON text with a mapper, checking it against the schema as it is written.
     *
     * @param mapper the mapper whose serializers write the value
     * @param value the structured content
     * @return its JSON text and what the check found
     */
    Written write(ObjectMapper mapper, Object value) {
        Findings findings = new Findings();
        // As ObjectMapper.writeValueAsString writes: into segments from the factory's recycled buffers.
        SegmentedStringWriter text =
                new SegmentedStringWriter(mapper.getFactory()._getBufferRecycler());
        try {
            try (JsonGenerator generator = new CheckingGenerator(
                    mapper.createGenerator(text), new ValueCheck(root, Location.ROOT, findings), findings)) {
                mapper.writeValue(generator, value);
            }
            return new Written(text.getAndClear(), List.copyOf(findings.messages), findings.checked);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a tool's structured content", e);
        }
    }

    /**
     * Structured content written and checked.
     *
     * @param json its JSON text
     * @param findings what does not match the schema (at most {@value #MAX_FINDINGS}), each naming the place as a JSON
     *     Pointer (the root as {@code /}); empty if it matches
     * @param checked false if part of the value was written in a way that cannot be checked token by token
     */
    record Written(String json, List<String> findings, boolean checked) {}

    /** The JSON types a compiled schema tells apart. */
    private enum Type {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL;

        static Type named(Object name) {
            return switch (String.valueOf(name)) {
                case "object" -> OBJECT;
                case "array" -> ARRAY;
                case "string" -> STRING;
                case "boolean" -> BOOLEAN;
                case "null" -> NULL;
                default -> null; // number and integer are not compiled (integer needs the value's form)
            };
        }

        String schemaName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One compiled schema: what a value of each allowed type must be. A value of a type this shape does not allow
     * fails; one whose type has a branch ({@code anyOf}) is checked against that branch.
     */
    private static final class Shape {
        /** What a value may be, by type: this shape, an {@code anyOf} branch, or (every type) null if anything goes. */
        private final Map<Type, Shape> byType;
        /** The one type of a shape of one type, else null. */
        private final Type only;

        /** The properties declared or required, with their shape (null if any value goes) and required bit. */
        private final Map<String, Member> members;
        /** The required properties (at most 63), in the schema's order; the bit of the i-th is {@code 1L << i}. */
        private final List<String> required;

        private final boolean additionalProperties;
        private final Shape items;
        private final boolean hasConstant;
        private final Object constant;

        /** A shape of one type (or, if type is null, of any), the checks below applying to values of it. */
        private Shape(
                Type type,
                Map<String, Member> members,
                List<String> required,
                boolean additionalProperties,
                Shape items,
                boolean hasConstant,
                Object constant) {
            this.byType = type == null ? null : new EnumMap<>(Map.of(type, this));
            this.only = type;
            this.members = members;
            this.required = required;
            this.additionalProperties = additionalProperties;
            this.items = items;
            this.hasConstant = hasConstant;
            this.constant = constant;
        }

        /** A choice between shapes of one type each ({@code anyOf}). */
        private Shape(Map<Type, Shape> byType) {
            this.byType = byType;
            this.only = null;
            this.members = Map.of();
            this.required = List.of();
            this.additionalProperties = true;
            this.items = null;
            this.hasConstant = false;
            this.constant = null;
        }

        /** The compiled schema, or null if it uses what is not compiled. */
        @SuppressWarnings("unchecked")
        static Shape of(Object node) {
            if (!(node instanceof Map<?, ?> map) || !KEYWORDS.containsAll(map.keySet())) {
                return null;
            }
            Map<String, Object> schema = (Map<String, Object>) map;
            if (schema.containsKey("anyOf")) {
                return schema.keySet().stream().allMatch(k -> k.equals("anyOf") || isAnnotation(k))
                        ? anyOf(schema.get("anyOf"))
                        : null;
            }
            Object constant = schema.get("const");
            if (constant != null && !(constant instanceof String) && !(constant instanceof Boolean)) {
                return null;
            }
            Object additional = schema.getOrDefault("additionalProperties", Boolean.TRUE);
            if (!(additional instanceof Boolean allowed)) {
                return null;
            }
            Map<String, Member> members = new HashMap<>();
            if (schema.get("properties") instanceof Map<?, ?> declared) {
                for (Map.Entry<?, ?> property : declared.entrySet()) {
                    Shape shape = of(property.getValue());
                    if (shape == null) {
                        return null;
                    }
                    members.put(String.valueOf(property.getKey()), new Member(shape, 0));
                }
            } else if (schema.containsKey("properties")) {
                return null;
            }
            List<String> required = new ArrayList<>();
            if (schema.get("required") instanceof List<?> names && names.size() < Long.SIZE) {
                for (Object name : names) {
                    String property = String.valueOf(name);
                    if (!required.contains(property)) {
                        Member member = members.get(property);
                        members.put(
                                property, new Member(member == null ? null : member.shape(), 1L << required.size()));
                        required.add(property);
                    }
                }
            } else if (schema.containsKey("required")) {
                return null;
            }
            Shape items = null;
            if (schema.containsKey("items")) {
                items = of(schema.get("items"));
                if (items == null) {
                    return null;
                }
            }
            Type type = null;
            if (schema.containsKey("type")) {
                type = Type.named(schema.get("type"));
                if (type == null) {
                    return null;
                }
            }
            return new Shape(
                    type, members, List.copyOf(required), allowed, items, schema.containsKey("const"), constant);
        }

        /** anyOf typed branches of distinct types, each a shape of one type. */
        private static Shape anyOf(Object branches) {
            if (!(branches instanceof List<?> list) || list.isEmpty()) {
                return null;
            }
            Map<Type, Shape> byType = new EnumMap<>(Type.class);
            for (Object branch : list) {
                Shape shape = of(branch);
                if (shape == null || shape.byType == null || shape.byType.size() != 1) {
                    return null;
                }
                Map.Entry<Type, Shape> only = shape.byType.entrySet().iterator().next();
                if (byType.putIfAbsent(only.getKey(), only.getValue()) != null) {
                    return null;
                }
            }
            return new Shape(byType);
        }

        private static boolean isAnnotation(String keyword) {
            return keyword.equals("title") || keyword.equals("description");
        }

        /** What a value of a type must be, or null if the type is not allowed. */
        Shape forType(Type type) {
            return type == only || byType == null ? this : byType.get(type);
        }

        /** The types allowed, for a finding. */
        String allowed() {
            return byType == null
                    ? "any"
                    : String.join(
                            " or ",
                            byType.keySet().stream().map(Type::schemaName).toList());
        }

        boolean checksMembers() {
            return !members.isEmpty() || !additionalProperties;
        }
    }

    /** A property of an object's shape: the shape of its value (null if any value goes), its required bit or 0. */
    private record Member(Shape shape, long bit) {}

    /** What the filters found while one value was written. */
    private static final class Findings {
        private final List<String> messages = new ArrayList<>();
        private boolean checked = true;

        void add(Location where, String message) {
            if (messages.size() < MAX_FINDINGS) {
                messages.add(where + ": " + message);
            }
        }
    }

    /** Where a value is, as a JSON Pointer; made into text only for a finding. */
    private record Location(Location parent, String name, int index) {
        static final Location ROOT = new Location(null, null, -1);

        Location property(String property) {
            return new Location(this, property, -1);
        }

        Location element(int element) {
            return new Location(this, null, element);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "/";
            }
            String segment = name == null
                    ? Integer.toString(index)
                    : name.replace("~", "~0").replace("/", "~1");
            String above = parent.toString();
            return (above.equals("/") ? "/" : above + "/") + segment;
        }
    }

    /**
     * A check of one place of the content, told about the tokens written there. What it does not override lets
     * anything through: an object's members, an array's elements, any scalar.
     */
    private abstract static class Check {
        /** Lets anything through. */
        static final Check ANY = new Check() {};

        /** An object starts here; gives the check of its members. */
        Check startObject() {
            return ANY;
        }

        /** An array starts here; gives the check of its elements. */
        Check startArray() {
            return ANY;
        }

        /** On the check of an object's members: a member's name; gives the check of its value. */
        Check property(String name) {
            return ANY;
        }

        /** On the check of an array's elements: the next element; gives its check. */
        Check element(int index) {
            return ANY;
        }

        /** On the check of an object's members: the object ends. */
        void endObject() {}

        /** A scalar is written here: its type and value (null for a JSON null or a value not known). */
        void scalar(Type type, Object value) {}
    }

    /** A check of one place against a shape, reporting to the findings of the value written. */
    private abstract static class PlaceCheck extends Check {
        final Shape shape;
        final Location where;
        final Findings findings;

        PlaceCheck(Shape shape, Location where, Findings findings) {
            this.shape = shape;
            this.where = where;
            this.findings = findings;
        }
    }

    /** Checks the one value written at its place against a shape. */
    private static final class ValueCheck extends PlaceCheck {
        ValueCheck(Shape shape, Location where, Findings findings) {
            super(shape, where, findings);
        }

        @Override
        Check startObject() {
            Shape object = expect(Type.OBJECT, null);
            return object != null && object.checksMembers() ? new ObjectCheck(object, where, findings) : ANY;
        }

        @Override
        Check startArray() {
            Shape array = expect(Type.ARRAY, null);
            return array != null && array.items != null ? new ArrayCheck(array.items, where, findings) : ANY;
        }

        @Override
        void scalar(Type type, Object value) {
            expect(type, value);
        }

        /** The shape of a value of this type, after checking type and constant; null if it fails. */
        private Shape expect(Type type, Object value) {
            Shape of = shape.forType(type);
            if (of == null) {
                findings.add(where, shape.allowed() + " expected, " + type.schemaName() + " found");
                return null;
            }
            if (of.hasConstant && (type == Type.OBJECT || type == Type.ARRAY || !Objects.equals(of.constant, value))) {
                findings.add(where, "must be the constant " + of.constant);
                return null;
            }
            return of;
        }
    }

    /** Checks the members of one object: each against its property's shape, then the required ones. */
    private static final class ObjectCheck extends PlaceCheck {
        private long seen;

        ObjectCheck(Shape shape, Location where, Findings findings) {
            super(shape, where, findings);
        }

        @Override
        Check property(String name) {
            Member member = shape.members.get(name);
            if (member == null) {
                if (!shape.additionalProperties) {
                    findings.add(where.property(name), "not allowed (additionalProperties is false)");
                }
                return ANY;
            }
            seen |= member.bit();
            return member.shape() == null ? ANY : new ValueCheck(member.shape(), where.property(name), findings);
        }

        @Override
        void endObject() {
            List<String> required = shape.required;
            if (seen == (1L << required.size()) - 1) {
                return;
            }
            for (int i = 0; i < required.size(); i++) {
                if ((seen & (1L << i)) == 0) {
                    findings.add(where, "required property '" + required.get(i) + "' not found");
                }
            }
        }
    }

    /** Checks each element of one array against the items' shape (the shape given). */
    private static final class ArrayCheck extends PlaceCheck {
        ArrayCheck(Shape items, Location where, Findings findings) {
            super(items, where, findings);
        }

        @Override
        Check element(int index) {
            return new ValueCheck(shape, where.element(index), findings);
        }
    }

    /**
     * The generator the serializers write into: each token goes to the check of its place, then to the generator
     * that writes the text. Every write method of {@link JsonGeneratorDelegate} is overridden here (a test holds
     * that), but those it routes back through this generator when it does not delegate copy methods
     * ({@code writeObject}, {@code writePOJO}, {@code writeTree}, {@code copyCurrentEvent},
     * {@code copyCurrentStructure}). Primitive arrays written whole ({@code writeArray}), which the tools' results
     * do not hold, are not followed.
     */
    private static final class CheckingGenerator extends JsonGeneratorDelegate {

        /** An open object or array: the check of its members and, for an array, the next element's index. */
        private static final class Container {
            final Check members;
            final boolean array;
            int next;

            Container(Check members, boolean array) {
                this.members = members;
                this.array = array;
            }
        }

        private final ArrayDeque<Container> open = new ArrayDeque<>();
        private final Findings findings;
        /** The check of the next value: the root's, or that of the member whose name was written last. */
        private Check pending;

        CheckingGenerator(JsonGenerator text, Check root, Findings findings) {
            super(text, false);
            this.pending = root;
            this.findings = findings;
        }

        /** The check of the value about to be written. */
        private Check value() {
            Container container = open.peek();
            if (container != null && container.array) {
                return container.members.element(container.next++);
            }
            Check check = pending;
            pending = Check.ANY;
            return check;
        }

        private void scalar(Type type, Object value) {
            value().scalar(type, value);
        }

        /** A value is written that cannot be followed token by token. */
        private void uncheckedValue() {
            value();
            findings.checked = false;
        }

        private void startObject() {
            open.push(new Container(value().startObject(), false));
        }

        private void startArray() {
            open.push(new Container(value().startArray(), true));
        }

        private void name(String name) {
            Container container = open.peek();
            pending = container == null ? Check.ANY : container.members.property(name);
        }

        @Override
        public void writeStartObject() throws IOException {
            startObject();
            super.writeStartObject();
        }

        @Override
        public void writeStartObject(Object forValue) throws IOException {
            startObject();
            super.writeStartObject(forValue);
        }

        @Override
        public void writeStartObject(Object forValue, int size) throws IOException {
            startObject();
            super.writeStartObject(forValue, size);
        }

        @Override
        public void writeEndObject() throws IOException {
            Container container = open.pop();
            container.members.endObject();
            super.writeEndObject();
        }

        @Override
        public void writeStartArray() throws IOException {
            startArray();
            super.writeStartArray();
        }

        @Override
        public void writeStartArray(int size) throws IOException {
            startArray();
            super.writeStartArray(size);
        }

        @Override
        public void writeStartArray(Object forValue) throws IOException {
            startArray();
            super.writeStartArray(forValue);
        }

        @Override
        public void writeStartArray(Object forValue, int size) throws IOException {
            startArray();
            super.writeStartArray(forValue, size);
        }

        @Override
        public void writeEndArray() throws IOException {
            open.pop();
            super.writeEndArray();
        }

        @Override
        public void writeArray(int[] array, int offset, int length) throws IOException {
            uncheckedValue();
            super.writeArray(array, offset, length);
        }

        @Override
        public void writeArray(long[] array, int offset, int length) throws IOException {
            uncheckedValue();
            super.writeArray(array, offset, length);
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            uncheckedValue();
            super.writeArray(array, offset, length);
        }

        @Override
        public void writeArray(String[] array, int offset, int length) throws IOException {
            uncheckedValue();
            super.writeArray(array, offset, length);
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            name(name);
            super.writeFieldName(name);
        }

        @Override
        public void writeFieldName(SerializableString name) throws IOException {
            name(name.getValue());
            super.writeFieldName(name);
        }

        @Override
        public void writeFieldId(long id) throws IOException {
            name(Long.toString(id));
            super.writeFieldId(id);
        }

        @Override
        public void writeOmittedField(String name) throws IOException {
            super.writeOmittedField(name);
        }

        @Override
        public void writeString(String text) throws IOException {
            scalar(text == null ? Type.NULL : Type.STRING, text);
            super.writeString(text);
        }

        @Override
        public void writeString(char[] text, int offset, int length) throws IOException {
            scalar(Type.STRING, new String(text, offset, length));
            super.writeString(text, offset, length);
        }

        @Override
        public void writeString(SerializableString text) throws IOException {
            scalar(Type.STRING, text.getValue());
            super.writeString(text);
        }

        @Override
        public void writeString(Reader reader, int length) throws IOException {
            uncheckedValue();
            super.writeString(reader, length);
        }

        @Override
        public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
            scalar(Type.STRING, new String(text, offset, length, StandardCharsets.UTF_8));
            super.writeRawUTF8String(text, offset, length);
        }

        @Override
        public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
            scalar(Type.STRING, new String(text, offset, length, StandardCharsets.UTF_8));
            super.writeUTF8String(text, offset, length);
        }

        @Override
        public void writeRaw(String text) throws IOException {
            findings.checked = false;
            super.writeRaw(text);
        }

        @Override
        public void writeRaw(String text, int offset, int length) throws IOException {
            findings.checked = false;
            super.writeRaw(text, offset, length);
        }

        @Override
        public void writeRaw(SerializableString text) throws IOException {
            findings.checked = false;
            super.writeRaw(text);
        }

        @Override
        public void writeRaw(char[] text, int offset, int length) throws IOException {
            findings.checked = false;
            super.writeRaw(text, offset, length);
        }

        @Override
        public void writeRaw(char c) throws IOException {
            findings.checked = false;
            super.writeRaw(c);
        }

        @Override
        public void writeRawValue(String text) throws IOException {
            uncheckedValue();
            super.writeRawValue(text);
        }

        @Override
        public void writeRawValue(String text, int offset, int length) throws IOException {
            uncheckedValue();
            super.writeRawValue(text, offset, length);
        }

        @Override
        public void writeRawValue(char[] text, int offset, int length) throws IOException {
            uncheckedValue();
            super.writeRawValue(text, offset, length);
        }

        @Override
        public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) throws IOException {
            uncheckedValue();
            super.writeBinary(variant, data, offset, length);
        }

        @Override
        public int writeBinary(Base64Variant variant, InputStream data, int length) throws IOException {
            uncheckedValue();
            return super.writeBinary(variant, data, length);
        }

        @Override
        public void writeNumber(short value) throws IOException {
            scalar(Type.NUMBER, value);
            super.writeNumber(value);
        }

        @Override
        public void writeNumber(int value) throws IOException {
            scalar(Type.NUMBER, value);
            super.writeNumber(value);
        }

        @Override
        public void writeNumber(long value) throws IOException {
            scalar(Type.NUMBER, value);
            super.writeNumber(value);
        }

        @Override
        public void writeNumber(BigInteger value) throws IOException {
            scalar(value == null ? Type.NULL : Type.NUMBER, value);
            super.writeNumber(value);
        }

        @Override
        public void writeNumber(double value) throws IOException {
            scalar(Type.NUMBER, value);
            super.writeNumber(value);
        }

        @Override
        public void writeNumber(float value) throws IOException {
            scalar(Type.NUMBER, value);
            super.writeNumber(value);
        }

        @Override
        public void writeNumber(BigDecimal value) throws IOException {
            scalar(value == null ? Type.NULL : Type.NUMBER, value);
            super.writeNumber(value);
        }

        @Override
        public void writeNumber(String encoded) throws IOException {
            scalar(encoded == null ? Type.NULL : Type.NUMBER, null);
            super.writeNumber(encoded);
        }

        @Override
        public void writeNumber(char[] encoded, int offset, int length) throws IOException {
            scalar(Type.NUMBER, null);
            super.writeNumber(encoded, offset, length);
        }

        @Override
        public void writeBoolean(boolean state) throws IOException {
            scalar(Type.BOOLEAN, state);
            super.writeBoolean(state);
        }

        @Override
        public void writeNull() throws IOException {
            scalar(Type.NULL, null);
            super.writeNull();
        }

        @Override
        public void writeEmbeddedObject(Object object) throws IOException {
            uncheckedValue();
            super.writeEmbeddedObject(object);
        }

        @Override
        public void writeObjectId(Object id) throws IOException {
            findings.checked = false;
            super.writeObjectId(id);
        }

        @Override
        public void writeObjectRef(Object reference) throws IOException {
            uncheckedValue();
            super.writeObjectRef(reference);
        }

        @Override
        public void writeTypeId(Object id) throws IOException {
            findings.checked = false;
            super.writeTypeId(id);
        }
    }
}
