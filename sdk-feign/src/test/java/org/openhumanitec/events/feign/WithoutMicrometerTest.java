package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: with its jars really absent (the SDK loaded again through a class loader whose class path
 * leaves them out), a client built without a registry works; with feign-micrometer absent, asking for observation
 * fails in {@code build()} naming the artifact. Runs on the class path, like {@code MissingTransportTest}.
 */
class WithoutMicrometerTest {

    /**
     * Method handles link one method each, as compiled code does; reflection's {@code getMethod} would resolve the
     * parameter types of every public method, Micrometer's included, which a plain call never does.
     */
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

    @Test
    void aClientWithoutRegistriesNeedsNoMicrometerAtRunTime() throws Throwable {
        try (RawHttpServer server = RawHttpServer.start(out -> {
                    out.write(RawHttpServer.okHeaders(2));
                    out.write("[]".getBytes(StandardCharsets.US_ASCII));
                });
                URLClassLoader loader = loaderWithout(jar -> jar.startsWith("micrometer-")
                        || jar.startsWith("feign-micrometer-")
                        || jar.startsWith("opentelemetry-"))) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.observation.ObservationRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> api = loader.loadClass("org.openhumanitec.events.api.HumanitecEventApi");
            Class<?> webhooksApi = loader.loadClass("org.openhumanitec.events.api.WebhooksApi");
            Object client = build(loader, server.baseUrl());
            Object webhooks = LOOKUP.findVirtual(api, "webhooks", MethodType.methodType(webhooksApi))
                    .invoke(client);

            Object hooks = LOOKUP.findVirtual(
                            webhooksApi, "list", MethodType.methodType(List.class, String.class, String.class))
                    .invoke(webhooks, "acme-corp", "billing-api");

            assertThat((List<?>) hooks).isEmpty();
            LOOKUP.findVirtual(AutoCloseable.class, "close", MethodType.methodType(void.class))
                    .invoke(client);
        }
    }

    @Test
    void observationWithoutFeignMicrometerNamesTheArtifact() throws Throwable {
        try (URLClassLoader loader = loaderWithout(jar -> jar.startsWith("feign-micrometer-"))) {
            Class<?> registry = loader.loadClass("io.micrometer.observation.ObservationRegistry");
            Object builder = builder(loader, "http://127.0.0.1:9");
            LOOKUP.findVirtual(
                            builder.getClass(),
                            "observationRegistry",
                            MethodType.methodType(builder.getClass(), registry))
                    .invoke(builder, registry.getField("NOOP").get(null));
            MethodHandle build = LOOKUP.findVirtual(
                    builder.getClass(),
                    "build",
                    MethodType.methodType(loader.loadClass(HumanitecClient.class.getName())));

            assertThatThrownBy(() -> build.invoke(builder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "observationRegistry(...) and meterRegistry(...) need io.github.openfeign:feign-micrometer"
                                    + " on the classpath (add it as a dependency, version 13.6)");
        }
    }

    private static Object build(ClassLoader loader, String baseUrl) throws Throwable {
        Object builder = builder(loader, baseUrl);
        Class<?> client = loader.loadClass(HumanitecClient.class.getName());
        return LOOKUP.findVirtual(builder.getClass(), "build", MethodType.methodType(client))
                .invoke(builder);
    }

    /** A builder with a token and base URL, called as compiled code calls it: linking only the methods it uses. */
    private static Object builder(ClassLoader loader, String baseUrl) throws Throwable {
        Class<?> client = loader.loadClass(HumanitecClient.class.getName());
        assertThat(client).isNotSameAs(HumanitecClient.class);
        Class<?> builderType = loader.loadClass(HumanitecClient.Builder.class.getName());
        Object builder = LOOKUP.findStatic(client, "builder", MethodType.methodType(builderType))
                .invoke();
        MethodType setter = MethodType.methodType(builderType, String.class);
        LOOKUP.findVirtual(builderType, "token", setter).invoke(builder, "t");
        LOOKUP.findVirtual(builderType, "baseUrl", setter).invoke(builder, baseUrl);
        return builder;
    }

    private static URLClassLoader loaderWithout(Predicate<String> leftOut) throws Exception {
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!leftOut.test(new File(entry).getName())) {
                classPath.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(classPath).hasSizeGreaterThan(5);
        return new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
