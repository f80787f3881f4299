package org.openhumanitec.events.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.ToLongBiFunction;

/**
 * Contenders whose difference is smaller than the spread between JMH forks, measured in one JVM in alternating
 * blocks: the client with an observation registry against the client without (issue 14 allows 5 %, and on this
 * host one JMH fork of the same client differs from the next by up to 10 %).
 *
 * <p>Each contender is loaded by its own class loader from this jar, so that the JIT profiles and compiles each
 * copy of the SDK, Feign, OkHttp and Micrometer on its own, as it would in a process of its own; they share the
 * heap, the core and the {@link LoopbackStub}. After the warm-up (at least the given seconds, then until a round
 * spends less than 1 % of its time in the JIT), every measured round runs one block of calls per contender and
 * operation, the contenders' order rotated each round, so that a slow second of the host falls on all of them
 * alike. A contender may be named twice: the two copies' ratio is what the method cannot tell apart.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.openhumanitec.events.benchmarks.InterleavedCalls --out <file>
 * [--contenders sdk-okhttp,sdk-okhttp-observed,sdk-okhttp] [--block-ms 200] [--warmup-s 60] [--rounds 30]}. It
 * writes, per operation, each round's microseconds per call and bytes allocated per call (by the calling thread)
 * of each contender, as JSON.
 */
public final class InterleavedCalls {

    private static final List<String> OPERATIONS = List.of("listWebhooks", "getWebhook", "createWebhook");

    /** The share of a round's time the JIT may still take when the warm-up ends. */
    private static final double SETTLED_JIT_SHARE = 0.01;

    private InterleavedCalls() {}

    /**
     * Runs the contenders in turns and writes the figures.
     *
     * @param args see the class comment
     * @throws Exception if a contender cannot be loaded or fails, or the file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        URL jar = InterleavedCalls.class.getProtectionDomain().getCodeSource().getLocation();
        List<ToLongBiFunction<String, Long>> copies = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        try (LoopbackStub stub = LoopbackStub.start(0)) {
            for (String contender : options.contenders) {
                URLClassLoader loader =
                        new URLClassLoader(contender, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
                loaders.add(loader);
                copies.add(isolated(loader, contender, stub.baseUrl()));
            }
            try {
                long warmedUpMillis = warmUp(copies, options);
                String json = measure(copies, options, warmedUpMillis);
                Files.writeString(options.out, json);
            } finally {
                for (ToLongBiFunction<String, Long> copy : copies) {
                    ((AutoCloseable) copy).close();
                }
                for (URLClassLoader loader : loaders) {
                    loader.close();
                }
            }
        }
    }

    /** A {@link Copy} of the contender, loaded (with everything it uses) by the given class loader. */
    @SuppressWarnings("unchecked")
    private static ToLongBiFunction<String, Long> isolated(ClassLoader loader, String contender, String baseUrl)
            throws ReflectiveOperationException {
        Object copy = Class.forName(Copy.class.getName(), true, loader)
                .getConstructor(String.class, String.class)
                .newInstance(contender, baseUrl);
        if (copy.getClass() == Copy.class) {
            throw new IllegalStateException("the contender was not loaded on its own: is this run from the jar?");
        }
        return (ToLongBiFunction<String, Long>) copy;
    }

    /**
     * Rounds of every contender and operation until at least the warm-up time has passed and the JIT has settled
     * (or four times the warm-up time has).
     *
     * @return how long it took
     */
    private static long warmUp(List<ToLongBiFunction<String, Long>> copies, Options options) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long minimum = options.warmupSeconds * 1_000_000_000L;
        while (true) {
            long roundStarted = System.nanoTime();
            long jitBefore = jit.getTotalCompilationTime();
            for (String operation : OPERATIONS) {
                for (ToLongBiFunction<String, Long> copy : copies) {
                    copy.applyAsLong(operation, options.blockNanos);
                }
            }
            long now = System.nanoTime();
            double jitShare = (jit.getTotalCompilationTime() - jitBefore) * 1e6 / (now - roundStarted);
            if (now - started >= minimum && jitShare < SETTLED_JIT_SHARE || now - started >= 4 * minimum) {
                return (now - started) / 1_000_000;
            }
        }
    }

    /** The measured rounds, as JSON. */
    private static String measure(List<ToLongBiFunction<String, Long>> copies, Options options, long warmedUpMillis) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        int count = copies.size();
        double[][][] micros = new double[OPERATIONS.size()][options.rounds][count];
        double[][][] bytes = new double[OPERATIONS.size()][options.rounds][count];
        for (int round = 0; round < options.rounds; round++) {
            for (int o = 0; o < OPERATIONS.size(); o++) {
                for (int turn = 0; turn < count; turn++) {
                    int c = (round + turn) % count;
                    long allocatedBefore = threads.getThreadAllocatedBytes(self);
                    long before = System.nanoTime();
                    long calls = copies.get(c).applyAsLong(OPERATIONS.get(o), options.blockNanos);
                    long elapsed = System.nanoTime() - before;
                    micros[o][round][c] = elapsed / 1e3 / calls;
                    bytes[o][round][c] = (double) (threads.getThreadAllocatedBytes(self) - allocatedBefore) / calls;
                }
            }
        }
        StringJoiner operations = new StringJoiner(",\n", "{\n", "\n  }");
        for (int o = 0; o < OPERATIONS.size(); o++) {
            operations.add("    \"" + OPERATIONS.get(o) + "\": {\"us_per_call\": " + json(micros[o], 2)
                    + ", \"bytes_per_call\": " + json(bytes[o], 0) + "}");
        }
        StringJoiner contenders = new StringJoiner("\", \"", "[\"", "\"]");
        options.contenders.forEach(contenders::add);
        return "{\n  \"contenders\": " + contenders + ",\n  \"block_ms\": " + options.blockNanos / 1_000_000
                + ",\n  \"warmup_ms\": " + warmedUpMillis + ",\n  \"rounds\": " + options.rounds
                + ",\n  \"operations\": " + operations + "\n}\n";
    }

    private static String json(double[][] rounds, int digits) {
        StringJoiner outer = new StringJoiner(", ", "[", "]");
        for (double[] round : rounds) {
            StringJoiner inner = new StringJoiner(", ", "[", "]");
            for (double value : round) {
                inner.add(String.format(Locale.ROOT, "%." + digits + "f", value));
            }
            outer.add(inner.toString());
        }
        return outer.toString();
    }

    /**
     * One contender, as its own class loader sees it: calls one operation for the given time and says how many
     * calls it made. Public, and built by reflection, for {@link InterleavedCalls} to reach it across loaders
     * through the JDK's {@link ToLongBiFunction} and {@link AutoCloseable}.
     */
    public static final class Copy implements ToLongBiFunction<String, Long>, AutoCloseable {

        private final WebhookCalls<?> calls;
        private int sink;

        /**
         * Builds the contender and checks its answers.
         *
         * @param contender a contender of {@link ClientBenchmark}
         * @param baseUrl the stub
         */
        public Copy(String contender, String baseUrl) {
            this.calls = ClientBenchmark.contender(contender, baseUrl);
            ClientBenchmark.check(calls, contender);
        }

        /**
         * Calls the operation until the time has passed.
         *
         * @param operation {@code listWebhooks}, {@code getWebhook} or {@code createWebhook}
         * @param nanos for how long
         * @return the number of calls made
         */
        @Override
        public long applyAsLong(String operation, Long nanos) {
            long end = System.nanoTime() + nanos;
            long made = 0;
            switch (operation) {
                case "listWebhooks" -> {
                    do {
                        sink += calls.list().size();
                        made++;
                    } while (System.nanoTime() < end);
                }
                case "getWebhook" -> {
                    do {
                        sink += calls.get().hashCode();
                        made++;
                    } while (System.nanoTime() < end);
                }
                case "createWebhook" -> {
                    do {
                        sink += calls.create().hashCode();
                        made++;
                    } while (System.nanoTime() < end);
                }
                default -> throw new IllegalArgumentException("unknown operation: " + operation);
            }
            return made;
        }

        @Override
        public void close() {
            calls.close();
        }

        @Override
        public String toString() {
            return "Copy[" + calls.getClass().getSimpleName() + ", sink " + sink + "]";
        }
    }

    /** The command line. */
    private record Options(Path out, List<String> contenders, long blockNanos, int warmupSeconds, int rounds) {

        static Options parse(String[] args) {
            Path out = null;
            List<String> contenders = List.of("sdk-okhttp", "sdk-okhttp-observed", "sdk-okhttp");
            long blockMillis = 200;
            int warmupSeconds = 60;
            int rounds = 30;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : usage("missing value of " + args[i]);
                switch (args[i++]) {
                    case "--out" -> out = Path.of(value);
                    case "--contenders" -> contenders = Arrays.asList(value.split(","));
                    case "--block-ms" -> blockMillis = Long.parseLong(value);
                    case "--warmup-s" -> warmupSeconds = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    default -> usage("unknown option " + args[i - 1]);
                }
            }
            if (out == null) {
                usage("--out is required");
            }
            return new Options(out, contenders, blockMillis * 1_000_000, warmupSeconds, rounds);
        }

        private static String usage(String problem) {
            throw new IllegalArgumentException(problem + "; usage: InterleavedCalls --out <file> [--contenders a,b,a]"
                    + " [--block-ms 200] [--warmup-s 60] [--rounds 30]");
        }
    }
}
