package org.openhumanitec.events.feign.internal;

import feign.Param;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes one path segment strictly: the RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
 * pass, every other byte of the UTF-8 form becomes {@code %XX}. So {@code a/b} becomes {@code a%2Fb},
 * {@code x?y=1} becomes {@code x%3Fy%3D1}, {@code %2F} becomes {@code %252F} and {@code é} becomes
 * {@code %C3%A9}: no id can change the path or add a query.
 *
 * <p>Feign 13.6 ignores {@code @Param(encoded = true)}, but its URI template leaves a value made only of
 * unreserved characters and {@code %XX} triplets as it is, so the encoded segment reaches the transport
 * unchanged (no double encoding); the resource methods also set {@code decodeSlash = false}, without which Feign
 * would turn {@code %2F} back into {@code /}.
 */
public final class PathSegments implements Param.Expander {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The expander Feign instantiates for every path parameter. */
    public PathSegments() {}

    @Override
    public String expand(Object value) {
        return encode((String) value);
    }

    /**
     * Encodes one path segment.
     *
     * @param segment the raw id, already checked by {@code PathIds.require}
     * @return the encoded segment; the same string when nothing needs encoding
     */
    public static String encode(String segment) {
        int length = segment.length();
        int i = 0;
        while (i < length && isUnreserved(segment.charAt(i))) {
            i++;
        }
        if (i == length) {
            return segment;
        }
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
