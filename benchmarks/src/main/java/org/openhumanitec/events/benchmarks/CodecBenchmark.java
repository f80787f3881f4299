package org.openhumanitec.events.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.jackson.HumanitecJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wire format alone, with no HTTP: {@code sdk-jackson} reading the 20 webhooks of {@link StubPayloads#listBody()}
 * into {@code sdk-api} records, and writing them back. Every list call of the client pays the first; the REST
 * gateway pays both for every proxied list, so this is where its CPU per request goes first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
public class CodecBenchmark {

    private byte[] listBody;
    private List<Webhook> webhooks;
    private ObjectReader listReader;
    private ObjectWriter listWriter;

    /** A benchmark state; JMH creates it. */
    public CodecBenchmark() {}

    /**
     * Reads the canned list once, and checks it round-trips.
     *
     * @throws IOException if the canned list cannot be read
     */
    @Setup
    public void start() throws IOException {
        ObjectMapper mapper = HumanitecJson.newMapper();
        TypeReference<List<Webhook>> type = new TypeReference<>() {};
        listReader = mapper.readerFor(type);
        listWriter = mapper.writerFor(type);
        listBody = StubPayloads.listBody();
        webhooks = listReader.readValue(listBody);
        if (webhooks.size() != StubPayloads.LIST_SIZE
                || !listReader.readValue(listWriter.writeValueAsBytes(webhooks)).equals(webhooks)) {
            throw new IllegalStateException("the canned list does not round-trip");
        }
    }

    /**
     * Reads 20 webhooks from bytes.
     *
     * @return the records
     * @throws IOException never, for this body
     */
    @Benchmark
    public List<Webhook> readWebhooks() throws IOException {
        return listReader.readValue(listBody);
    }

    /**
     * Writes 20 webhooks to bytes.
     *
     * @return the body
     * @throws IOException never, for these records
     */
    @Benchmark
    public byte[] writeWebhooks() throws IOException {
        return listWriter.writeValueAsBytes(webhooks);
    }
}
