package org.openhumanitec.events.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * The baseline: what a careful hand-written client does with OkHttp and Jackson alone. The same OkHttp settings
 * as the SDK's transport (timeouts, no redirects, no silent retries), the same headers, ids as encoded path
 * segments, and the same shared wire format ({@code sdk-jackson}) decoding the body as a byte stream straight
 * into the {@code sdk-api} records. No retries, no error mapping beyond the status check.
 */
public final class RawOkHttpCalls implements WebhookCalls<Webhook> {

    /** The token every contender sends. */
    static final String TOKEN = "hum-token-7Hq2xK9pLm4Rz8Vw";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String AUTHORIZATION = "Bearer " + TOKEN;
    private static final String USER_AGENT = "humanitec-events-raw-okhttp/0.1.0 (benchmark baseline)";

    private final OkHttpClient http;
    private final HttpUrl base;
    private final ObjectReader listReader;
    private final ObjectReader oneReader;
    private final ObjectWriter createWriter;
    private final CreateWebhookRequest createRequest = StubPayloads.createRequest(7);

    /**
     * A client of the stub.
     *
     * @param baseUrl the stub
     */
    public RawOkHttpCalls(String baseUrl) {
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                // As many idle connections as the SDK keeps: OkHttp's default 5 would reconnect at 8 threads.
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .build();
        this.base = HttpUrl.get(baseUrl);
        ObjectMapper mapper = HumanitecJson.newMapper();
        this.listReader = mapper.readerFor(new TypeReference<List<Webhook>>() {});
        this.oneReader = mapper.readerFor(Webhook.class);
        this.createWriter = mapper.writerFor(CreateWebhookRequest.class);
    }

    @Override
    public List<Webhook> list() {
        return execute(request(webhooks()).get().build(), listReader);
    }

    @Override
    public Webhook get() {
        HttpUrl url = webhooksBuilder().addPathSegment(StubPayloads.WEBHOOK_ID).build();
        return execute(request(url).get().build(), oneReader);
    }

    @Override
    public Webhook create() {
        byte[] body;
        try {
            body = createWriter.writeValueAsBytes(createRequest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return execute(request(webhooks()).post(RequestBody.create(body, JSON)).build(), oneReader);
    }

    @Override
    public String id(Webhook webhook) {
        return webhook.id();
    }

    /** The URL is built per call, from the ids, as a client taking ids as arguments must. */
    private HttpUrl webhooks() {
        return webhooksBuilder().build();
    }

    private HttpUrl.Builder webhooksBuilder() {
        return base.newBuilder()
                .addPathSegment("orgs")
                .addPathSegment(StubPayloads.ORG)
                .addPathSegment("apps")
                .addPathSegment(StubPayloads.APP)
                .addPathSegment("webhooks");
    }

    private static Request.Builder request(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", AUTHORIZATION)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private <T> T execute(Request request, ObjectReader reader) {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new IllegalStateException("unexpected status " + response.code());
            }
            return reader.readValue(body.byteStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
    }
}
