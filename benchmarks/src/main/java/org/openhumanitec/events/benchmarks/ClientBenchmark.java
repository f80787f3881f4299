package org.openhumanitec.events.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openhumanitec.events.feign.Transport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call through each contender, against the same in-process {@link LoopbackStub}: list webhooks
 * (20), get one, create one. {@code client} is the contender: {@code raw-okhttp} (the baseline, {@link
 * RawOkHttpCalls}), the SDK's {@code HumanitecClient} over OkHttp (also with an observation registry timing each
 * exchange, {@code sdk-okhttp-observed}), the JDK HttpClient and Apache HttpClient 5, and
 * the client OpenAPI Generator makes from Humanitec's document ({@code openapi-generator}, {@link
 * GeneratedClientCalls}). Each decodes into its own model: the {@code sdk-api} records, or the generated ones.
 * The thread count comes from the command line ({@code -t 1}, {@code -t 8}); all threads share one client, as an
 * application would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class ClientBenchmark {

    /** The contender. */
    @Param({"raw-okhttp", "sdk-okhttp", "sdk-okhttp-observed", "sdk-jdk", "sdk-hc5", "openapi-generator"})
    public String client;

    private LoopbackStub stub;
    private WebhookCalls<?> calls;

    /** A benchmark state; JMH creates it. */
    public ClientBenchmark() {}

    /**
     * Starts the stub and the contender, and checks that the contender decodes what the stub sends.
     *
     * @throws IOException if the stub cannot start
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        stub = LoopbackStub.start(0);
        calls = contender(client, stub.baseUrl());
        check(calls, client);
    }

    /** Fails unless the contender decodes what the stub sends: 20 webhooks, the 8th of them, the created one. */
    static <W> void check(WebhookCalls<W> calls, String name) {
        List<W> listed = calls.list();
        if (listed.size() != StubPayloads.LIST_SIZE
                || !listed.get(7).equals(calls.get())
                || !calls.id(calls.get()).equals(StubPayloads.WEBHOOK_ID)) {
            throw new IllegalStateException(name + " did not decode the stub's answers");
        }
        if (!calls.id(calls.create()).equals(StubPayloads.createRequest(7).id())) {
            throw new IllegalStateException(name + " did not decode the created webhook");
        }
    }

    /**
     * Closes the contender and the stub.
     *
     * @throws IOException if the stub fails to close
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        calls.close();
        stub.close();
    }

    /**
     * A contender by name.
     *
     * @param name {@code raw-okhttp}, {@code sdk-okhttp}, {@code sdk-okhttp-observed}, {@code sdk-jdk}, {@code
     *     sdk-hc5} or {@code openapi-generator}
     * @param baseUrl the stub
     * @return the contender
     */
    static WebhookCalls<?> contender(String name, String baseUrl) {
        return switch (name) {
            case "raw-okhttp" -> new RawOkHttpCalls(baseUrl);
            case "sdk-okhttp" -> new SdkCalls(baseUrl, Transport.okHttp());
            case "sdk-okhttp-observed" -> SdkCalls.observed(baseUrl);
            case "sdk-jdk" -> new SdkCalls(baseUrl, Transport.jdkHttpClient());
            case "sdk-hc5" -> new SdkCalls(baseUrl, Transport.apacheHttpClient5());
            case "openapi-generator" -> new GeneratedClientCalls(baseUrl);
            default -> throw new IllegalArgumentException("unknown client: " + name);
        };
    }

    /**
     * {@code GET /orgs/{org}/apps/{app}/webhooks}: 20 webhooks, about 8 KB of JSON.
     *
     * @return the webhooks
     */
    @Benchmark
    public List<?> listWebhooks() {
        return calls.list();
    }

    /**
     * {@code GET /orgs/{org}/apps/{app}/webhooks/{id}}.
     *
     * @return the webhook
     */
    @Benchmark
    public Object getWebhook() {
        return calls.get();
    }

    /**
     * {@code POST /orgs/{org}/apps/{app}/webhooks}: the request is encoded, the created webhook decoded.
     *
     * @return the created webhook
     */
    @Benchmark
    public Object createWebhook() {
        return calls.create();
    }
}
