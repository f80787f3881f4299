package org.openhumanitec.events.feign;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base of every test that talks to WireMock. After each test, every request WireMock received and every
 * response it sent is checked against Humanitec's OpenAPI document ({@code spec/humanitec/openapi-event-subset.json},
 * passed in by surefire as {@code humanitec.spec}); a test cannot opt out, except that a stub may declare its
 * response deliberately off-contract with {@link #offContract(String)} (an HTML 502 page, a broken 2xx body).
 *
 * <p>A status the spec does not list for an operation (a 503 on a GET, say) is allowed, as real servers send them,
 * but its body must then be a {@code HumanitecErrorResponse}. Responses replaced by a network fault are not
 * checked (there is no response); their requests are.
 */
abstract class SpecCheckedWireMock {

    /** The metadata key of an off-contract stub; its value says why. */
    static final String OFF_CONTRACT = "offContract";

    private static final String REST_ADAPTER_PREFIX = "/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(readSpec())
                    .withLevelResolver(LevelResolver.create()
                            .withDefaultLevel(ValidationReport.Level.ERROR)
                            // Handled below: an undeclared status must carry a HumanitecErrorResponse.
                            .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                            // OpenAPI allows properties a schema does not list, and servers add fields; the validator
                            // rejects them unless told otherwise. Requests stay strict: the client never sends one.
                            .withLevel(
                                    "validation.response.body.schema.additionalProperties",
                                    ValidationReport.Level.IGNORE)
                            .build())
                    .build();

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .failOnUnmatchedRequests(true)
            .build();

    /** Stub metadata marking a response as deliberately outside the contract. */
    static Map<String, Object> offContract(String why) {
        return Map.of(OFF_CONTRACT, why);
    }

    @AfterEach
    final void everyExchangeFollowsTheSpec() {
        assertThat(problemsSoFar())
                .as("exchanges that break Humanitec's OpenAPI document")
                .isEmpty();
    }

    /** What breaks the spec in the exchanges WireMock has seen since the last reset. */
    static List<String> problemsSoFar() {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : wm.getAllServeEvents()) {
            problems.addAll(problems(event));
        }
        return problems;
    }

    private static List<String> problems(ServeEvent event) {
        List<String> problems = new ArrayList<>();
        LoggedRequest loggedRequest = event.getRequest();
        String path = loggedRequest.getUrl();
        if (path.startsWith(REST_ADAPTER_PREFIX + "/")) {
            path = path.substring(REST_ADAPTER_PREFIX.length());
        }
        String where = loggedRequest.getMethod() + " " + loggedRequest.getUrl();
        if (!event.getWasMatched()) {
            problems.add(where + ": no stub matched this request");
            return problems;
        }
        Request request = request(loggedRequest, path);
        ValidationReport requestReport = VALIDATOR.validateRequest(request);
        requestReport.getMessages().forEach(m -> problems.add(where + " request: " + m));
        if (event.getResponseDefinition().getFault() != null) {
            return problems;
        }
        Map<String, ?> metadata = event.getStubMapping().getMetadata() == null
                ? Map.of()
                : event.getStubMapping().getMetadata();
        Object offContract = metadata.get(OFF_CONTRACT);
        if (offContract != null) {
            assertThat(offContract.toString())
                    .as("why the stub is off-contract")
                    .isNotBlank();
            return problems;
        }
        SimpleResponse response = response(event);
        ValidationReport responseReport = VALIDATOR.validateResponse(path, request.getMethod(), response);
        boolean undeclaredStatus = responseReport.getMessages().stream()
                .anyMatch(m -> m.getKey().equals("validation.response.status.unknown"));
        responseReport.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m ->
                        problems.add(where + " response " + event.getResponse().getStatus() + ": " + m));
        if (undeclaredStatus) {
            String problem = notAnErrorResponse(event.getResponse().getBody());
            if (problem != null) {
                problems.add(where + " response " + event.getResponse().getStatus() + ": " + problem);
            }
        }
        return problems;
    }

    private static Request request(LoggedRequest logged, String path) {
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(logged.getMethod().value(), path);
        copyHeaders(logged.getHeaders(), builder::withHeader);
        if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(ServeEvent event) {
        SimpleResponse.Builder builder =
                new SimpleResponse.Builder(event.getResponse().getStatus());
        copyHeaders(event.getResponse().getHeaders(), builder::withHeader);
        byte[] body = event.getResponse().getBody();
        if (body != null && body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private interface HeaderSink {
        void add(String name, List<String> values);
    }

    private static void copyHeaders(HttpHeaders headers, HeaderSink sink) {
        if (headers == null) {
            return;
        }
        for (HttpHeader header : headers.all()) {
            sink.add(header.key(), header.values());
        }
    }

    /** Null when the body is a {@code HumanitecErrorResponse}; else what is wrong with it. */
    private static String notAnErrorResponse(byte[] body) {
        if (body == null || body.length == 0) {
            return "an undeclared error status must carry a HumanitecErrorResponse body, but the body is empty";
        }
        try {
            JsonNode error = JSON.readTree(body);
            boolean ok = error != null
                    && error.isObject()
                    && error.path("error").isTextual()
                    && error.path("message").isTextual()
                    && (error.path("details").isMissingNode()
                            || error.path("details").isObject());
            return ok ? null : "the body is not a HumanitecErrorResponse {error, message, details?}";
        } catch (IOException e) {
            return "the body is not JSON";
        }
    }

    private static String readSpec() {
        String location = System.getProperty("humanitec.spec");
        assertThat(location)
                .as("system property humanitec.spec (set by surefire)")
                .isNotNull();
        try {
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
