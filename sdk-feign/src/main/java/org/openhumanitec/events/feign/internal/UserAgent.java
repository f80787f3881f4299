package org.openhumanitec.events.feign.internal;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Adds the {@code User-Agent} every request sends, {@code humanitec-events-java/<version> (Java <java.version>)};
 * also holds the versions behind it, read from the Maven-filtered {@code version.properties}.
 */
final class UserAgent implements RequestInterceptor {

    private static final Properties VERSIONS = readVersions();

    /** The SDK's version. */
    static final String SDK_VERSION = VERSIONS.getProperty("version");

    /** The Feign version the SDK is built with; the optional transport artifacts must match it. */
    static final String FEIGN_VERSION = VERSIONS.getProperty("feign.version");

    /** The header value. */
    static final String VALUE =
            "humanitec-events-java/" + SDK_VERSION + " (Java " + System.getProperty("java.version") + ")";

    @Override
    public void apply(RequestTemplate template) {
        template.header("User-Agent", VALUE);
    }

    private static Properties readVersions() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the sdk-feign jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            for (String key : new String[] {"version", "feign.version"}) {
                String value = properties.getProperty(key);
                if (value == null || value.isBlank() || value.startsWith("${")) {
                    throw new IllegalStateException("version.properties of sdk-feign was not filtered by the build");
                }
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
