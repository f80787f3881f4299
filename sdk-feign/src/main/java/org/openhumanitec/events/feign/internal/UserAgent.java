package org.openhumanitec.events.feign.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code User-Agent} the client sends, {@code humanitec-events-java/<version> (Java <java.version>)}, and
 * the versions behind it, read from the Maven-filtered {@code version.properties}.
 */
public final class UserAgent {

    private static final Properties VERSIONS = readVersions();

    /** The SDK's version. */
    public static final String SDK_VERSION = VERSIONS.getProperty("version");

    /** The Feign version the SDK is built with; the optional transport artifacts must match it. */
    public static final String FEIGN_VERSION = VERSIONS.getProperty("feign.version");

    /** The header value. */
    public static final String VALUE =
            "humanitec-events-java/" + SDK_VERSION + " (Java " + System.getProperty("java.version") + ")";

    private UserAgent() {}

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
