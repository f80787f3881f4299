package org.openhumanitec.events.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks exchanges with the adapter against two OpenAPI documents: the adapter's own ({@code openapi.json}, as
 * served), and Humanitec's ({@code spec/humanitec/openapi-event-subset.json}, passed in by surefire as
 * {@code humanitec.spec}) with the {@code /v1} prefix taken off. The first proves the document describes what the
 * adapter does; the second that the adapter speaks Humanitec's wire format.
 */
public final class ApiDocuments {

    private static final OpenApiInteractionValidator ADAPTER = validator(adapterDocument(), false);
    private static final OpenApiInteractionValidator HUMANITEC = validator(humanitecDocument(), true);

    private ApiDocuments() {}

    /** The adapter's document, from the classpath as the servlet serves it. */
    public static String adapterDocument() {
        try (InputStream in =
                HumanitecRestServlet.class.getResourceAsStream(HumanitecRestServlet.API_DOCUMENT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Humanitec's document of the 7 operations. */
    public static String humanitecDocument() {
        String location = System.getProperty("humanitec.spec");
        if (location == null) {
            throw new IllegalStateException("system property humanitec.spec is not set (surefire sets it)");
        }
        try {
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What breaks either document in one exchange.
     *
     * @param method the request's method
     * @param path the request's path, with {@code /v1}
     * @param requestBody the JSON body sent, or null
     * @param answer the adapter's answer
     * @return the problems, empty when the exchange follows both documents
     */
    public static List<String> problems(String method, String path, String requestBody, Http.Answer answer) {
        List<String> problems = new ArrayList<>();
        check("adapter document", ADAPTER, method, path, requestBody, answer, problems);
        if (path.startsWith("/v1/orgs/")) {
            check("Humanitec's document", HUMANITEC, method, path.substring(3), requestBody, answer, problems);
        }
        return problems;
    }

    private static void check(
            String document,
            OpenApiInteractionValidator validator,
            String method,
            String path,
            String requestBody,
            Http.Answer answer,
            List<String> problems) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        if (requestBody != null) {
            request.withContentType("application/json").withBody(requestBody);
        }
        Request built = request.build();
        validator.validateRequest(built).getMessages().forEach(m -> problems.add(document + ", request: " + m));
        SimpleResponse.Builder response = new SimpleResponse.Builder(answer.status());
        answer.headers().forEach(response::withHeader);
        if (!answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        validator
                .validateResponse(path, built.getMethod(), response.build())
                .getMessages()
                .forEach(m -> problems.add(document + ", response " + answer.status() + ": " + m));
    }

    private static OpenApiInteractionValidator validator(String document, boolean humanitec) {
        LevelResolver.Builder levels = LevelResolver.create()
                .withDefaultLevel(ValidationReport.Level.ERROR)
                // The token is needed in some modes only, as the document says; the tests check it themselves.
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE);
        if (humanitec) {
            // Humanitec's document lists few error statuses, as real servers send more; the bodies are checked
            // against the adapter's document, which declares them all.
            levels.withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(levels.build())
                .build();
    }
}
