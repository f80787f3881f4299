package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Logger;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.feign.testing.CapturedLogs;

/** What the HTTP log shows of a response, level by level: its headers redacted, its JSON body redacted. */
class RedactingLoggerTest {

    private static final String CONFIG_KEY = "HumanitecResource#listWebhooks(String,String)";
    private static final String TAG = "[HumanitecResource#listWebhooks] ";

    private final RedactingLogger logger = new RedactingLogger(new ObjectMapper());

    @BeforeEach
    void captureTheHttpLog() {
        CapturedLogs.clear();
        CapturedLogs.everyLevel(RedactingLogger.NAME::equals);
    }

    @AfterEach
    void stopCapturing() {
        CapturedLogs.everyLevel(name -> false);
    }

    private static Response response(int status, Map<String, java.util.Collection<String>> headers, String body) {
        return Response.builder()
                .status(status)
                .headers(headers)
                .request(Request.create(
                        Request.HttpMethod.GET,
                        "http://127.0.0.1/orgs/o/apps/a/webhooks",
                        Map.of(),
                        null,
                        StandardCharsets.UTF_8,
                        null))
                .body(body, StandardCharsets.UTF_8)
                .build();
    }

    private List<String> logged(Logger.Level level, Response response) throws IOException {
        logger.logAndRebufferResponse(CONFIG_KEY, level, response, 5);
        return CapturedLogs.texts(RedactingLogger.NAME);
    }

    @Test
    void headersLevel_showsTheResponsesHeaders_withCookiesRedacted() throws IOException {
        Response response = response(200, Map.of("Set-Cookie", List.of("session=s3cret; Secure")), "[]");

        assertThat(logged(Logger.Level.HEADERS, response))
                .containsExactly(TAG + "<--- HTTP 200 (5 ms)", TAG + "set-cookie: <redacted>", TAG + "<--- END HTTP");
    }

    @Test
    void basicLevel_showsNoHeaders() throws IOException {
        Response response = response(200, Map.of("Set-Cookie", List.of("session=s3cret")), "[]");

        assertThat(logged(Logger.Level.BASIC, response)).containsExactly(TAG + "<--- HTTP 200 (5 ms)");
    }

    @Test
    void fullLevel_redactsHeadersAndPayloadsOfEveryWebhookInAList() throws IOException {
        String list = "[{\"id\":\"a\",\"headers\":{\"X-Token\":\"h1\"}},{\"id\":\"b\",\"payload\":{\"key\":\"p2\"}}]";

        assertThat(logged(Logger.Level.FULL, response(200, Map.of(), list)))
                .containsExactly(
                        TAG + "<--- HTTP 200 (5 ms)",
                        TAG + "[{\"id\":\"a\",\"headers\":{\"X-Token\":\"<redacted>\"}},"
                                + "{\"id\":\"b\",\"payload\":{\"key\":\"<redacted>\"}}]",
                        TAG + "<--- END HTTP (" + list.length() + "-byte body)");
    }

    @Test
    void fullLevel_redactsHeadersAndPayloadsNestedAnywhereInTheBody() throws IOException {
        String error = "{\"error\":\"API-400\",\"details\":{\"request\":{\"headers\":{\"X-Token\":\"h1\"}}}}";

        assertThat(logged(Logger.Level.FULL, response(400, Map.of(), error)))
                .contains(TAG + "{\"error\":\"API-400\",\"details\":{\"request\":{\"headers\":"
                        + "{\"X-Token\":\"<redacted>\"}}}}");
    }

    @Test
    void fullLevel_showsABodyThatIsNotJsonOnlyByItsSize() throws IOException {
        assertThat(logged(Logger.Level.FULL, response(502, Map.of(), "<html>token=abc</html>")))
                .containsExactly(
                        TAG + "<--- HTTP 502 (5 ms)",
                        TAG + "(22-byte body that is not JSON, not shown)",
                        TAG + "<--- END HTTP (22-byte body)");
    }

    @Test
    void fullLevel_logsNoBodyLineForAnEmptyBody() throws IOException {
        assertThat(logged(Logger.Level.FULL, response(204, Map.of(), "")))
                .containsExactly(TAG + "<--- HTTP 204 (5 ms)", TAG + "<--- END HTTP (0-byte body)");
    }
}
