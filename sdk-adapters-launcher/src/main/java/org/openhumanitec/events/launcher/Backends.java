package org.openhumanitec.events.launcher;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.openhumanitec.events.feign.TokenlessHumanitecClient;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Opens the implementation a face serves: the in-memory sandbox, or the Feign client to Humanitec with the
 * server's token and the {@link NetworkOptions} (proxy, CA bundle, client certificate). Setting problems become {@link UsageException}s that say which option or variable to fix; the
 * token never appears in them.
 */
public final class Backends {

    private Backends() {}

    /**
     * Opens the backend the options ask for.
     *
     * @param options the option values
     * @param face the face's common options
     * @param environment the environment holding {@value HumanitecClient#ENV_API_KEY} or
     *     {@value HumanitecClient#ENV_TOKEN} when not in the sandbox
     * @return a fresh sandbox, or a client to Humanitec; the caller closes it
     * @throws UsageException if there is no token or the URL is malformed
     */
    public static HumanitecEventApi open(LaunchOptions options, FaceOptions face, Map<String, String> environment) {
        return open(options, face, environment, FaceTelemetry.none());
    }

    /**
     * Opens the backend the options ask for; a client to Humanitec reports its calls into the telemetry's registry.
     *
     * @param options the option values
     * @param face the face's common options
     * @param environment the environment holding {@value HumanitecClient#ENV_API_KEY} or
     *     {@value HumanitecClient#ENV_TOKEN} when not in the sandbox
     * @param telemetry where the client's metrics go
     * @return a fresh sandbox, or a client to Humanitec; the caller closes it
     * @throws UsageException if there is no token or the URL is malformed
     */
    public static HumanitecEventApi open(
            LaunchOptions options, FaceOptions face, Map<String, String> environment, FaceTelemetry telemetry) {
        if (options.isOn(face.sandbox())) {
            return HumanitecSandbox.create();
        }
        return client(
                options,
                face.humanitecUrl(),
                environment,
                "or run with " + face.sandbox().name() + " to serve the in-memory sandbox",
                builder -> telemetry.observe(builder).build());
    }

    /**
     * Opens the Feign client to Humanitec with the server's token, for a program whose way to choose the sandbox
     * is not {@link FaceOptions#sandbox()}.
     *
     * @param options the option values
     * @param humanitecUrl the option holding Humanitec's URL
     * @param environment the environment holding {@value HumanitecClient#ENV_API_KEY} or
     *     {@value HumanitecClient#ENV_TOKEN}
     * @param withoutToken what the user can do instead of setting a token, ending the no-token message, for
     *     example {@code "or run without --humanitec"}
     * @return the client; the caller closes it
     * @throws UsageException if there is no token or the URL is malformed
     */
    public static HumanitecClient openHumanitec(
            LaunchOptions options, LaunchOption humanitecUrl, Map<String, String> environment, String withoutToken) {
        return client(options, humanitecUrl, environment, withoutToken, HumanitecClient.Builder::build);
    }

    /**
     * Opens a client to Humanitec that holds no token: each call goes through
     * {@link TokenlessHumanitecClient#withToken(String)} with the caller's own token (a pass-through gateway).
     *
     * @param options the option values
     * @param face the face's common options
     * @param environment the environment
     * @return the client; the caller closes it
     * @throws UsageException if the URL is malformed
     */
    public static TokenlessHumanitecClient openWithoutToken(
            LaunchOptions options, FaceOptions face, Map<String, String> environment) {
        return openWithoutToken(options, face, environment, FaceTelemetry.none());
    }

    /**
     * Opens a client to Humanitec that holds no token, reporting its calls into the telemetry's registry.
     *
     * @param options the option values
     * @param face the face's common options
     * @param environment the environment
     * @param telemetry where the client's metrics go
     * @return the client; the caller closes it
     * @throws UsageException if the URL is malformed
     */
    public static TokenlessHumanitecClient openWithoutToken(
            LaunchOptions options, FaceOptions face, Map<String, String> environment, FaceTelemetry telemetry) {
        return client(
                options,
                face.humanitecUrl(),
                environment,
                "",
                builder -> telemetry.observe(builder).buildWithoutToken());
    }

    /**
     * Names a backend for a start-up line, never with its token.
     *
     * @param backend a backend {@link #open} returned
     * @param options the option values
     * @param face the face's common options
     * @return {@code the sandbox} or the Humanitec URL
     */
    public static String describe(HumanitecEventApi backend, LaunchOptions options, FaceOptions face) {
        Objects.requireNonNull(backend, "backend must not be null");
        return backend instanceof HumanitecSandbox ? "the sandbox" : options.value(face.humanitecUrl());
    }

    private static <C> C client(
            LaunchOptions options,
            LaunchOption humanitecUrl,
            Map<String, String> environment,
            String withoutToken,
            Function<HumanitecClient.Builder, C> build) {
        HumanitecClient.Builder builder = NetworkOptions.apply(HumanitecClient.builder(), options, environment)
                .baseUrl(options.value(humanitecUrl));
        try {
            return build.apply(builder);
        } catch (IllegalStateException e) {
            throw new UsageException("No Humanitec token: set " + HumanitecClient.ENV_API_KEY + " (or "
                    + HumanitecClient.ENV_TOKEN + "), " + withoutToken);
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidSettingException invalid) {
                String network = NetworkOptions.explain(invalid);
                if (network != null) {
                    throw new UsageException(network);
                }
            }
            throw new UsageException(
                    e instanceof InvalidSettingException invalid
                                    && invalid.setting().equals("baseUrl")
                            ? humanitecUrl.name() + " " + invalid.problem()
                            : e.getMessage());
        }
    }
}
