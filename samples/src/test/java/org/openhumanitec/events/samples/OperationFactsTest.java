package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.rest.HumanitecRestServlet;
import org.openhumanitec.events.rest.server.RestFace;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The facts of the 7 operations (method, path, idempotency) agree across every layer that states them: what the
 * client sends ({@code HumanitecResource}) and retries ({@code Operation}), Humanitec's OpenAPI document, the REST
 * face's routes ({@code Route}: its served document, and where it sends the client's own request) and the MCP tools'
 * flags ({@code HumanitecTool}). Each layer is observed, not restated: the client is run against a loopback stub
 * that answers every request with 503, so its method and path are seen on the wire and its idempotency in whether
 * it sends the request again.
 */
class OperationFactsTest {

    private static final String ORG = "facts-org";
    private static final String APP = "facts-app";
    private static final String JOB = "facts-hook";
    private static final Map<String, String> PARAMETERS = Map.of(ORG, "{orgId}", APP, "{appId}", JOB, "{jobId}");
    private static final Path HUMANITEC_DOCUMENT = Path.of("..", "spec", "humanitec", "openapi-event-subset.json");

    /**
     * The 7 operations: Humanitec's name for each (its document's {@code summary}, as it has no operation ids), the
     * MCP tool that offers it, and a call of it through the Java interface.
     */
    private enum EventApiOperation {
        DELETE_ALL_JOBS(
                "Deletes all Jobs for the Application",
                HumanitecTool.DELETE_ALL_JOBS,
                api -> api.jobs().deleteAll(ORG, APP)),
        LIST_WEBHOOKS(
                "List Webhooks",
                HumanitecTool.LIST_WEBHOOKS,
                api -> api.webhooks().list(ORG, APP)),
        CREATE_WEBHOOK(
                "Create a new Webhook",
                HumanitecTool.CREATE_WEBHOOK,
                api -> api.webhooks()
                        .create(
                                ORG,
                                APP,
                                CreateWebhookRequest.builder()
                                        .id(JOB)
                                        .url("https://hooks.example.com/facts")
                                        .trigger(Trigger.DEPLOYMENT_FINISHED)
                                        .build())),
        GET_WEBHOOK(
                "Get a Webhook",
                HumanitecTool.GET_WEBHOOK,
                api -> api.webhooks().get(ORG, APP, JOB)),
        DELETE_WEBHOOK(
                "Delete a Webhook",
                HumanitecTool.DELETE_WEBHOOK,
                api -> api.webhooks().delete(ORG, APP, JOB)),
        UPDATE_WEBHOOK(
                "Update a Webhook",
                HumanitecTool.UPDATE_WEBHOOK,
                api -> api.webhooks()
                        .update(
                                ORG,
                                APP,
                                JOB,
                                UpdateWebhookRequest.builder().disabled(true).build())),
        LIST_EVENTS(
                "List Events", HumanitecTool.LIST_EVENTS, api -> api.events().list(ORG));

        private final String humanitecSummary;
        private final HumanitecTool tool;
        private final Consumer<HumanitecEventApi> call;

        EventApiOperation(String humanitecSummary, HumanitecTool tool, Consumer<HumanitecEventApi> call) {
            this.humanitecSummary = humanitecSummary;
            this.tool = tool;
            this.call = call;
        }
    }

    /** An operation as the OpenAPI documents and the wire show it: {@code PATCH} and a path template. */
    private record Endpoint(String method, String template) {}

    private static RecordingStub humanitec;
    private static HumanitecClient client;
    private static RecordingBackend backend;
    private static EmbeddedServer restFace;
    private static HumanitecClient clientOfTheRestFace;
    private static Map<String, Endpoint> humanitecDocument;
    private static Set<Endpoint> servedRestDocument;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        humanitec = new RecordingStub();
        client = HumanitecClient.builder()
                .baseUrl(humanitec.uri().toString())
                .token("facts-token")
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ZERO)
                        .build())
                .build();

        backend = new RecordingBackend();
        RestFace face = new RestFace();
        restFace = face.start(LaunchOptions.parse(face.options(), new String[] {"--port", "0"}, Map.of()), backend);
        clientOfTheRestFace = HumanitecClient.builder()
                .baseUrl(restFace.uri() + "/v1")
                .token("facts-token")
                .retryPolicy(RetryPolicy.none())
                .build();

        humanitecDocument = endpoints(new OpenAPIV3Parser().read(HUMANITEC_DOCUMENT.toString())).stream()
                .collect(Collectors.toMap(DocumentedEndpoint::summary, DocumentedEndpoint::endpoint));
        servedRestDocument = endpoints(
                        new OpenAPIV3Parser().readContents(servedRestDocument()).getOpenAPI())
                .stream()
                .map(DocumentedEndpoint::endpoint)
                .collect(Collectors.toSet());
    }

    @AfterAll
    static void stop() {
        clientOfTheRestFace.close();
        restFace.close();
        backend.close();
        client.close();
        humanitec.stop();
    }

    @Test
    void theTable_namesEveryOperationOfHumanitecsDocument() {
        assertThat(Arrays.stream(EventApiOperation.values()).map(operation -> operation.humanitecSummary))
                .containsExactlyInAnyOrderElementsOf(humanitecDocument.keySet());
        assertThat(Arrays.stream(EventApiOperation.values()).map(operation -> operation.tool))
                .containsExactlyInAnyOrder(HumanitecTool.values());
    }

    @ParameterizedTest
    @EnumSource(EventApiOperation.class)
    void everyLayer_statesTheSameFacts(EventApiOperation operation) {
        humanitec.clear();
        Throwable failure = catchThrowable(() -> operation.call.accept(client));
        assertThat(failure).as("the client's answer to a 503").isInstanceOf(HumanitecApiException.class);
        List<Endpoint> sent = humanitec.requests();
        assertThat(sent).as("what the client sent").isNotEmpty().containsOnly(sent.get(0));
        Endpoint endpoint = sent.get(0);
        boolean retried = sent.size() > 1;

        assertThat(endpoint)
                .as("the client's request against Humanitec's document")
                .isEqualTo(humanitecDocument.get(operation.humanitecSummary));
        assertThat(servedRestDocument)
                .as("the REST face's served document")
                .contains(new Endpoint(endpoint.method(), "/v1" + endpoint.template()));
        assertThat(callsReachingTheBackend(operation))
                .as("where the REST face routes the client's request")
                .isEqualTo(callsOfTheInterface(operation));
        assertThat(operation.tool.idempotent())
                .as("%s's idempotent flag, against the client retrying a 503", operation.tool.toolName())
                .isEqualTo(retried);
        assertThat(operation.tool.readOnly())
                .as("%s's read-only flag, against the method %s", operation.tool.toolName(), endpoint.method())
                .isEqualTo(endpoint.method().equals("GET"));
        assertThat(operation.tool.destructive())
                .as("%s's destructive flag, against the method %s", operation.tool.toolName(), endpoint.method())
                .isEqualTo(endpoint.method().equals("DELETE"));
    }

    /** The interface methods the REST face's backend runs when the client's call goes through the face. */
    private static List<String> callsReachingTheBackend(EventApiOperation operation) {
        backend.calls.clear();
        try {
            operation.call.accept(clientOfTheRestFace);
        } catch (HumanitecException answeredWithAnError) {
            // The sandbox may refuse (no such webhook): the call still reached it, which is what counts here.
        }
        return List.copyOf(backend.calls);
    }

    /** The interface methods the table's call names, called directly. */
    private static List<String> callsOfTheInterface(EventApiOperation operation) {
        RecordingBackend direct = new RecordingBackend();
        try (direct) {
            operation.call.accept(direct);
        } catch (HumanitecException refusedBySandbox) {
            // As above: which method was called is all this needs.
        }
        return List.copyOf(direct.calls);
    }

    private static String servedRestDocument() throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(restFace.uri().resolve(HumanitecRestServlet.API_DOCUMENT_PATH))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private record DocumentedEndpoint(String summary, Endpoint endpoint) {}

    private static List<DocumentedEndpoint> endpoints(OpenAPI document) {
        List<DocumentedEndpoint> endpoints = new ArrayList<>();
        document.getPaths()
                .forEach((template, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> endpoints.add(new DocumentedEndpoint(
                                Objects.requireNonNullElse(operation.getSummary(), ""),
                                new Endpoint(method.name(), template)))));
        return endpoints;
    }

    /** Humanitec as a loopback stub: notes each request's method and path template, and answers 503. */
    private static final class RecordingStub {
        private final HttpServer server;
        private final List<Endpoint> requests = new CopyOnWriteArrayList<>();

        RecordingStub() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    body.readAllBytes();
                }
                requests.add(new Endpoint(
                        exchange.getRequestMethod(),
                        template(exchange.getRequestURI().getRawPath())));
                byte[] error = "{\"error\":\"API-503\",\"message\":\"Unavailable.\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(503, error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
            });
            server.start();
        }

        /** The path with each id put back as its parameter: {@code /orgs/{orgId}/events}. */
        private static String template(String path) {
            return Arrays.stream(path.split("/", -1))
                    .map(segment -> PARAMETERS.getOrDefault(segment, segment))
                    .collect(Collectors.joining("/"));
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        List<Endpoint> requests() {
            return List.copyOf(requests);
        }

        void clear() {
            requests.clear();
        }

        void stop() {
            server.stop(0);
        }
    }

    /** A sandbox that notes which method of the Java interface each call reaches, as {@code WebhooksApi.get}. */
    private static final class RecordingBackend implements HumanitecEventApi {
        private final HumanitecSandbox sandbox = HumanitecSandbox.create();
        private final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public WebhooksApi webhooks() {
            return recording(WebhooksApi.class, sandbox.webhooks());
        }

        @Override
        public JobsApi jobs() {
            return recording(JobsApi.class, sandbox.jobs());
        }

        @Override
        public EventsApi events() {
            return recording(EventsApi.class, sandbox.events());
        }

        @Override
        public void close() {
            sandbox.close();
        }

        private <T> T recording(Class<T> type, T target) {
            return type.cast(Proxy.newProxyInstance(
                    type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                        if (method.getDeclaringClass() == type) {
                            calls.add(type.getSimpleName() + "." + method.getName());
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        }
    }
}
