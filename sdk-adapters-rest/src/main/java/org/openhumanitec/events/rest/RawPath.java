package org.openhumanitec.events.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openhumanitec.events.api.PathIds;

/**
 * The request path as the caller sent it, still percent-encoded. Routing splits it at the literal slashes first and
 * decodes each segment exactly once afterwards, so an id may hold any character: {@code a%2Fb} is the one id
 * {@code a/b}, {@code %252F} is the id {@code %2F}, and {@code x%3Fy%3D1} is the id {@code x?y=1}.
 */
final class RawPath {

    private RawPath() {}

    /**
     * The segments of a raw path.
     *
     * @param rawPath the path below the servlet, starting with {@code /}, for example {@code /v1/orgs/a%2Fb/events}
     * @return its segments, still encoded: {@code [v1, orgs, a%2Fb, events]}
     */
    static List<String> segments(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return List.of(path.split("/", -1));
    }

    /**
     * Decodes one path parameter and checks it as every implementation does ({@link PathIds}).
     *
     * @param raw the segment as sent
     * @param name the parameter's name, for example {@code jobId}
     * @return the id
     * @throws RestProblem a 400 naming the parameter when the encoding is broken (a {@code %} not followed by two hex
     *     digits, bytes that are not UTF-8) or the id is blank, {@code .} or {@code ..}
     */
    static String parameter(String raw, String name) throws RestProblem {
        String id = decode(raw, name);
        try {
            return PathIds.require(id, name);
        } catch (IllegalArgumentException e) {
            throw RestProblem.badField(name, "The path parameter " + e.getMessage() + ".");
        }
    }

    private static String decode(String raw, String name) throws RestProblem {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int percent = raw.indexOf('%', i);
            if (percent < 0) {
                bytes.writeBytes(raw.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            bytes.writeBytes(raw.substring(i, percent).getBytes(StandardCharsets.UTF_8));
            int high = percent + 2 < raw.length() ? Character.digit(raw.charAt(percent + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(percent + 2), 16);
            if (low < 0) {
                throw RestProblem.badField(
                        name, "The path parameter " + name + " has a '%' that is not followed by two hex digits.");
            }
            bytes.write(high << 4 | low);
            i = percent + 3;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw RestProblem.badField(name, "The path parameter " + name + " is not UTF-8 once percent-decoded.");
        }
    }
}
