package org.openhumanitec.events.feign.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Feign's {@link Client} over OkHttp, doing what feign-okhttp's {@code OkHttpClient} does (same headers on the
 * wire, same derived client when a request's options differ from the client's timeouts, same response) for less
 * per call:
 *
 * <ul>
 *   <li>A request URL is not parsed from scratch each time: OkHttp canonicalizes the host of an absolute URL
 *       through {@code IDN.toASCII} on every parse, a tenth of a call's allocations. The parse of the last origin
 *       ({@code scheme://host:port}) is kept, and a URL with that origin is resolved against it, which parses
 *       only its path and query, with OkHttp's own rules; any other URL is parsed whole.
 *   <li>The {@code Content-Type} of the last request body is kept parsed, instead of parsed again by a regular
 *       expression each time.
 *   <li>The response is built once (feign-okhttp builds it twice, copying its headers each time).
 * </ul>
 */
final class OkHttpFeignClient implements Client {

    /** An origin as it begins request URLs, with a parsed URL that has it. */
    private record Origin(String prefix, HttpUrl url) {}

    /** A {@code Content-Type} value and its parse. */
    private record ContentType(String value, MediaType type) {}

    private final OkHttpClient delegate;
    private volatile Origin lastOrigin;
    private volatile ContentType lastContentType;

    /**
     * A client.
     *
     * @param delegate the OkHttp client every call goes through, unless its options differ
     */
    OkHttpFeignClient(OkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        okhttp3.Response response =
                clientFor(options).newCall(toOkHttp(request)).execute();
        return Response.builder()
                .protocolVersion(protocol(response.protocol()))
                .status(response.code())
                .reason(response.message())
                .request(request)
                .headers(castToCollections(response.headers().toMultimap()))
                .body(body(response.body()))
                .build();
    }

    /**
     * The OkHttp client for a request's options: the one this was built with when the options match its
     * timeouts and redirect setting, else one derived from it (sharing its pool), as feign-okhttp does.
     */
    OkHttpClient clientFor(Request.Options options) {
        if (delegate.connectTimeoutMillis() == options.connectTimeoutMillis()
                && delegate.readTimeoutMillis() == options.readTimeoutMillis()
                && delegate.followRedirects() == options.isFollowRedirects()) {
            return delegate;
        }
        return delegate.newBuilder()
                .connectTimeout(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(options.isFollowRedirects())
                .build();
    }

    private okhttp3.Request toOkHttp(Request input) {
        okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(url(input.url()));
        MediaType mediaType = null;
        boolean hasAccept = false;
        for (Map.Entry<String, Collection<String>> header : input.headers().entrySet()) {
            String name = header.getKey();
            hasAccept |= name.equalsIgnoreCase("Accept");
            boolean contentType = name.equalsIgnoreCase("Content-Type");
            for (String value : header.getValue()) {
                builder.addHeader(name, value);
                if (contentType) {
                    mediaType = mediaType(value);
                }
            }
        }
        // As feign-okhttp: some servers choke on OkHttp's default Accept.
        if (!hasAccept) {
            builder.addHeader("Accept", "*/*");
        }
        byte[] body = input.body();
        if (input.httpMethod().isWithBody()) {
            // OkHttp sends the body's media type as the Content-Type.
            builder.removeHeader("Content-Type");
            if (body == null) {
                body = new byte[0];
            }
        }
        return builder.method(input.httpMethod().name(), body == null ? null : RequestBody.create(body, mediaType))
                .build();
    }

    /** The URL, resolved against the last origin's parse when it has that origin. */
    HttpUrl url(String url) {
        Origin origin = lastOrigin;
        if (origin != null && url.startsWith(origin.prefix) && url.startsWith("/", origin.prefix.length())) {
            HttpUrl resolved = origin.url.resolve(url.substring(origin.prefix.length()));
            if (resolved != null) {
                return resolved;
            }
        }
        HttpUrl parsed = HttpUrl.get(url);
        int authority = url.indexOf("://");
        int path = authority < 0 ? -1 : url.indexOf('/', authority + 3);
        if (path > 0) {
            String prefix = url.substring(0, path);
            // Only a plain scheme://host[:port]: user information or odd characters are always parsed whole.
            if (prefix.indexOf('@') < 0
                    && prefix.indexOf('\\') < 0
                    && prefix.indexOf('?') < 0
                    && prefix.indexOf('#') < 0) {
                lastOrigin = new Origin(prefix, parsed);
            }
        }
        return parsed;
    }

    private MediaType mediaType(String value) {
        ContentType last = lastContentType;
        if (last != null && last.value.equals(value)) {
            return last.type;
        }
        MediaType type = MediaType.parse(value);
        lastContentType = new ContentType(value, type);
        return type;
    }

    private static Request.ProtocolVersion protocol(okhttp3.Protocol protocol) {
        return switch (protocol) {
            case HTTP_1_0 -> Request.ProtocolVersion.HTTP_1_0;
            case HTTP_1_1 -> Request.ProtocolVersion.HTTP_1_1;
            case HTTP_2 -> Request.ProtocolVersion.HTTP_2;
            // What feign-okhttp reports too: Feign has no name for the others.
            default -> null;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Collection<String>> castToCollections(Map<String, ? extends Collection<String>> map) {
        return (Map) map;
    }

    /** The body as Feign reads it; an empty or absent one is closed and null, as with feign-okhttp. */
    private static Response.Body body(ResponseBody input) {
        if (input == null || input.contentLength() == 0) {
            if (input != null) {
                input.close();
            }
            return null;
        }
        long length = input.contentLength();
        return new OkHttpBody(input, length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null);
    }

    /** An OkHttp response body, read once. */
    private record OkHttpBody(ResponseBody input, Integer length) implements Response.Body {

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public InputStream asInputStream() {
            return input.byteStream();
        }

        @Override
        public Reader asReader(Charset charset) {
            return input.charStream();
        }

        @Override
        public void close() {
            input.close();
        }
    }
}
