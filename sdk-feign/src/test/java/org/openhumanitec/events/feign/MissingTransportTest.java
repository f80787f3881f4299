package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With an optional transport's jar really absent (the SDK loaded again through a class loader whose class path
 * leaves it out), choosing that transport fails in {@code build()} with the message naming the artifact: no
 * {@code NoClassDefFoundError} leaks.
 */
class MissingTransportTest {

    @ParameterizedTest(name = "without {0}")
    @CsvSource({
        "feign-java11, jdkHttpClient, io.github.openfeign:feign-java11",
        "feign-hc5, apacheHttpClient5, io.github.openfeign:feign-hc5"
    })
    void build_withTheTransportJarAbsentNamesTheArtifact(String jar, String transport, String artifact)
            throws Exception {
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!new File(entry).getName().startsWith(jar + "-")) {
                classPath.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(classPath).hasSizeGreaterThan(5);
        try (URLClassLoader loader =
                new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> client = loader.loadClass(HumanitecClient.class.getName());
            Class<?> transports = loader.loadClass(Transport.class.getName());
            assertThat(client).isNotSameAs(HumanitecClient.class);
            Object builder = client.getMethod("builder").invoke(null);
            builder.getClass().getMethod("token", String.class).invoke(builder, "t");
            builder.getClass()
                    .getMethod("transport", transports)
                    .invoke(builder, transports.getMethod(transport).invoke(null));

            InvocationTargetException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    InvocationTargetException.class,
                    () -> builder.getClass().getMethod("build").invoke(builder));

            assertThat(e.getCause())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Transport." + transport + "() needs " + artifact
                            + " on the classpath (add it as a dependency, version 13.6)");
        }
    }
}
