package org.openhumanitec.events.feign.internal;

import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestTemplate;
import feign.codec.Encoder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One resource method's request, compiled once from the {@link MethodMetadata} that Feign's contract reads from the
 * method's annotations: the HTTP method, the path as literal pieces and expanded parameters, the headers, and
 * which parameters are the body and the {@link Request.Options}. Building a request from a plan costs the URL
 * string, one small header map and the body, where Feign's own method handler copies the method's
 * {@link RequestTemplate}, expands every template of the copy into a second one and then renders the URL and
 * headers from it on every call (about 8 KB per request; see {@code benchmarks/}).
 *
 * <p>A plan supports the shapes {@link HumanitecResource} uses, and compiling fails on anything else (queries,
 * header or query maps, form parameters, a URL parameter, or a template that is more than literal text and bare
 * {@code {name}} expressions), so that a resource method it cannot build exactly is noticed when the client is
 * built, not sent wrong. Parameter values go through the parameter's {@link Param.Expander}, as with Feign; a
 * path value must come out as a valid path segment ({@link PathSegments} guarantees it), since it is not
 * re-encoded here; a header whose value expands to null is left out, as Feign does.
 */
final class RequestPlan {

    /** A header value: a constant, or an expanded parameter. */
    private record HeaderPart(String name, List<String> constant, int index, Param.Expander expander) {}

    private final Request.HttpMethod method;
    private final String baseUrl;
    private final String[] literals;
    private final int[] pathIndexes;
    private final Param.Expander[] pathExpanders;
    private final int urlLengthHint;
    private final HeaderPart[] headers;
    private final int bodyIndex;
    private final Type bodyType;
    private final int optionsIndex;

    private RequestPlan(
            Request.HttpMethod method,
            String baseUrl,
            List<String> literals,
            List<Integer> pathIndexes,
            List<Param.Expander> pathExpanders,
            List<HeaderPart> headers,
            int bodyIndex,
            Type bodyType,
            int optionsIndex) {
        this.method = method;
        this.baseUrl = baseUrl;
        this.literals = literals.toArray(String[]::new);
        this.pathIndexes = pathIndexes.stream().mapToInt(Integer::intValue).toArray();
        this.pathExpanders = pathExpanders.toArray(Param.Expander[]::new);
        this.urlLengthHint = baseUrl.length() + String.join("", literals).length() + 32 * this.pathIndexes.length;
        this.headers = headers.toArray(HeaderPart[]::new);
        this.bodyIndex = bodyIndex;
        this.bodyType = bodyType;
        this.optionsIndex = optionsIndex;
    }

    /**
     * Compiles a resource method.
     *
     * @param metadata what Feign's contract read from the method
     * @param baseUrl the target's URL, which every path is appended to
     * @param constantHeaders headers every request sends, whatever its method
     * @param bodyHeaders headers only requests with a body send
     * @return the plan
     * @throws IllegalStateException if the method uses something a plan cannot build
     */
    static RequestPlan compile(
            MethodMetadata metadata,
            String baseUrl,
            Map<String, String> constantHeaders,
            Map<String, String> bodyHeaders) {
        String key = metadata.configKey();
        RequestTemplate template = metadata.template();
        if (!template.queries().isEmpty()
                || !metadata.formParams().isEmpty()
                || metadata.headerMapIndex() != null
                || metadata.queryMapIndex() != null
                || metadata.urlIndex() != null) {
            throw unsupported(key, "queries, header or query maps, form parameters and URL parameters");
        }
        Map<String, Integer> indexes = new TreeMap<>();
        metadata.indexToName().forEach((index, names) -> names.forEach(name -> indexes.put(name, index)));

        List<String> literals = new ArrayList<>();
        List<Integer> pathIndexes = new ArrayList<>();
        List<Param.Expander> pathExpanders = new ArrayList<>();
        String path = template.url();
        int start = 0;
        for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', start)) {
            int close = path.indexOf('}', open);
            if (close < 0) {
                throw unsupported(key, "an unclosed expression in " + path);
            }
            literals.add(path.substring(start, open));
            int index = parameter(key, indexes, path.substring(open + 1, close));
            pathIndexes.add(index);
            pathExpanders.add(expander(metadata, index));
            start = close + 1;
        }
        literals.add(path.substring(start));
        for (String literal : literals) {
            if (literal.indexOf('}') >= 0 || literal.indexOf('?') >= 0 || literal.indexOf('#') >= 0) {
                throw unsupported(key, "anything but literal text and {name} expressions in " + path);
            }
        }

        boolean hasBody = metadata.bodyIndex() != null;
        Map<String, HeaderPart> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        constantHeaders.forEach((name, value) -> headers.put(name, new HeaderPart(name, List.of(value), -1, null)));
        if (hasBody) {
            bodyHeaders.forEach((name, value) -> headers.put(name, new HeaderPart(name, List.of(value), -1, null)));
        }
        template.headers().forEach((name, values) -> {
            if (values.size() != 1) {
                throw unsupported(key, "a header with several values: " + name);
            }
            String value = values.iterator().next();
            if (value.indexOf('{') < 0) {
                headers.put(name, new HeaderPart(name, List.of(value), -1, null));
            } else if (value.startsWith("{") && value.endsWith("}")) {
                int index = parameter(key, indexes, value.substring(1, value.length() - 1));
                headers.put(name, new HeaderPart(name, null, index, expander(metadata, index)));
            } else {
                throw unsupported(key, "a header that is not a constant or one bare {name}: " + name);
            }
        });

        Class<?>[] types = metadata.method().getParameterTypes();
        int optionsIndex = -1;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Request.Options.class) {
                optionsIndex = i;
            }
        }
        return new RequestPlan(
                Request.HttpMethod.valueOf(template.method()),
                baseUrl,
                literals,
                pathIndexes,
                pathExpanders,
                new ArrayList<>(headers.values()),
                hasBody ? metadata.bodyIndex() : -1,
                metadata.bodyType(),
                optionsIndex);
    }

    private static int parameter(String key, Map<String, Integer> indexes, String name) {
        Integer index = indexes.get(name);
        if (index == null) {
            throw unsupported(key, "the expression {" + name + "}, which names no parameter");
        }
        return index;
    }

    private static Param.Expander expander(MethodMetadata metadata, int index) {
        Class<? extends Param.Expander> type = metadata.indexToExpanderClass().get(index);
        if (type == null || type == Param.ToStringExpander.class) {
            return value -> value == null ? null : value.toString();
        }
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new IllegalStateException("cannot create the expander " + type.getName(), cause);
        }
    }

    private static IllegalStateException unsupported(String configKey, String what) {
        return new IllegalStateException(configKey + ": a request plan does not support " + what);
    }

    /**
     * The request for one call.
     *
     * @param argv the call's arguments
     * @param encoder writes the body, if the method has one
     * @return the request
     */
    Request request(Object[] argv, Encoder encoder) {
        StringBuilder url = new StringBuilder(urlLengthHint).append(baseUrl);
        for (int i = 0; i < pathIndexes.length; i++) {
            url.append(literals[i]).append(pathExpanders[i].expand(argv[pathIndexes[i]]));
        }
        url.append(literals[pathIndexes.length]);

        Map<String, Collection<String>> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HeaderPart header : headers) {
            if (header.constant != null) {
                headerMap.put(header.name, header.constant);
            } else {
                String value = header.expander.expand(argv[header.index]);
                if (value != null) {
                    headerMap.put(header.name, List.of(value));
                }
            }
        }

        byte[] body = null;
        Charset charset = null;
        if (bodyIndex >= 0) {
            RequestTemplate bodyTemplate = new RequestTemplate();
            encoder.encode(argv[bodyIndex], bodyType, bodyTemplate);
            body = bodyTemplate.body();
            charset = bodyTemplate.requestCharset();
        }
        return Request.create(method, url.toString(), headerMap, body, charset, null);
    }

    /**
     * The options argument of a call.
     *
     * @param argv the call's arguments
     * @param defaults what to use when the method has no options parameter, or it is null
     * @return the options
     */
    Request.Options options(Object[] argv, Request.Options defaults) {
        Object options = optionsIndex < 0 ? null : argv[optionsIndex];
        return options == null ? defaults : (Request.Options) options;
    }
}
