package org.openhumanitec.events.samples;

import java.time.Duration;
import java.util.Map;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.feign.Transport;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.rest.server.RestFace;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Choosing the HTTP transport, the retry policy and the timeouts of the client. To run with no account it starts
 * the REST face over the sandbox on a free port and points the client at it, as it would point at Humanitec.
 */
public final class TransportAndRetries {

    private TransportAndRetries() {}

    /**
     * Calls the local REST face through each transport.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        RestFace rest = new RestFace();
        try (HumanitecSandbox sandbox = HumanitecSandbox.create();
                EmbeddedServer local = rest.start(
                        LaunchOptions.parse(rest.options(), new String[] {"--port", "0"}, Map.of()), sandbox)) {
            String baseUrl = local.uri() + "/v1";
            for (Transport transport :
                    new Transport[] {Transport.okHttp(), Transport.jdkHttpClient(), Transport.apacheHttpClient5()}) {
                System.out.println(transport + ": " + countEvents(baseUrl, transport) + " events");
            }
        }
    }

    // BEGIN transport-and-retries
    static int countEvents(String baseUrl, Transport transport) {
        try (HumanitecClient client = HumanitecClient.builder()
                .token("any-token") // the sandbox accepts any token; Humanitec wants HUMANITEC_API_KEY's
                .baseUrl(baseUrl) // default https://api.humanitec.io
                .transport(transport) // default Transport.okHttp()
                .connectTimeout(Duration.ofSeconds(2)) // default 10 s, per attempt
                .readTimeout(Duration.ofSeconds(5)) // default 30 s, per attempt
                .callTimeout(Duration.ofSeconds(20)) // default 60 s, all attempts together
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(5) // default 3; RetryPolicy.none() never retries
                        .initialBackoff(Duration.ofMillis(100)) // default 500 ms, doubled per retry
                        .build())
                .logLevel(HttpLogLevel.NONE) // BASIC, HEADERS, FULL log through SLF4J, token redacted
                .build()) {
            return client.events().list("my-org").size();
        }
    }
    // END
}
