package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhumanitec.events.feign.Fixtures.TOKEN;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.api.HumanitecEventApi;

/** Building a client: defaults, the environment, validation messages, and what {@code toString()} shows. */
class ClientConfigurationTest {

    private static String describe(HumanitecClient.Builder builder) {
        try (HumanitecClient client = builder.build()) {
            return client.toString();
        }
    }

    @Test
    void defaults_areDocumentedOnes() {
        assertThat(describe(HumanitecClient.builder().token(TOKEN)))
                .isEqualTo("HumanitecClient[baseUrl=https://api.humanitec.io, transport=OkHttp, connectTimeout=PT10S,"
                        + " readTimeout=PT30S, callTimeout=PT1M, retryPolicy=RetryPolicy[maxAttempts=3,"
                        + " initialBackoff=PT0.5S, backoffMultiplier=2.0, maxBackoff=PT8S, jitter=0.25,"
                        + " maxRetryAfter=PT30S], logLevel=NONE]");
    }

    @Test
    void toString_showsEverySettingButNeverTheToken() {
        HumanitecClient.Builder builder = HumanitecClient.builder()
                .token(TOKEN)
                .baseUrl("http://127.0.0.1:8080/v1/")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(20))
                .transport(Transport.apacheHttpClient5())
                .retryPolicy(RetryPolicy.none())
                .logLevel(HttpLogLevel.HEADERS);

        assertThat(builder.toString())
                .doesNotContain(TOKEN)
                .startsWith("HumanitecClient.Builder[token=<redacted>, baseUrl=http://127.0.0.1:8080/v1/");
        assertThat(describe(builder))
                .doesNotContain(TOKEN)
                .isEqualTo("HumanitecClient[baseUrl=http://127.0.0.1:8080/v1, transport=Apache HttpClient 5,"
                        + " connectTimeout=PT2S, readTimeout=PT5S, callTimeout=PT20S, retryPolicy=RetryPolicy[none],"
                        + " logLevel=HEADERS]");
    }

    @Test
    void build_withoutATokenNamesTheWaysToGiveOne() {
        assertThatThrownBy(() -> HumanitecClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No Humanitec token: call token(...) or set HUMANITEC_API_KEY (or HUMANITEC_TOKEN)");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .fromEnvironment(Map.of("HUMANITEC_API_KEY", "  ", "HUMANITEC_TOKEN", ""))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No Humanitec token");
    }

    @Test
    void build_rejectsABlankTokenOrOneAHeaderCannotCarryWithoutShowingIt() {
        assertThatThrownBy(() -> HumanitecClient.builder().token(" \t").build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("token"))
                .hasMessage("token must not be blank");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token("secret-part\r\nX-Evil: 1")
                        .build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("token"))
                .hasMessage("token has a character at index 11 that an HTTP header cannot carry"
                        + " (only visible ASCII is allowed)");
        assertThatThrownBy(() -> HumanitecClient.builder().token(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.humanitec.io", "ftp://api.humanitec.io", "https://", "http:///v1", "not a url", ""})
    void build_rejectsABaseUrlThatIsNotAbsoluteHttp(String url) {
        assertThatThrownBy(() ->
                        HumanitecClient.builder().token(TOKEN).baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl '" + url
                        + "' is not an absolute http(s) URL with a host, such as https://api.humanitec.io");
    }

    @Test
    void build_rejectsABaseUrlWithQueryFragmentOrCredentials() {
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .baseUrl("https://h.example/v1?x=1")
                        .build())
                .hasMessage("baseUrl 'https://h.example/v1?x=1' must not have a query");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .baseUrl("https://h.example/#top")
                        .build())
                .hasMessage("baseUrl 'https://h.example/#top' must not have a fragment");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .baseUrl("https://user:" + TOKEN + "@h.example")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl must not contain user information: pass the token with token(...) instead");
    }

    @Test
    void build_saysWhichSettingIsWrongAsAValue() {
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .baseUrl("https://h.example/v1?x=1")
                        .build())
                .isInstanceOfSatisfying(InvalidSettingException.class, invalid -> {
                    assertThat(invalid.setting()).isEqualTo("baseUrl");
                    assertThat(invalid.problem()).isEqualTo("'https://h.example/v1?x=1' must not have a query");
                });
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .fromEnvironment(Map.of("HUMANITEC_TOKEN", "t", "HUMANITEC_API_URL", "localhost:8080"))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        invalid -> assertThat(invalid.setting()).isEqualTo("HUMANITEC_API_URL"));
    }

    @Test
    void fromEnvironment_prefersTheApiKeyAndReadsTheUrl() {
        String described = describe(HumanitecClient.builder()
                .fromEnvironment(Map.of(
                        "HUMANITEC_API_KEY", "key-from-api-key",
                        "HUMANITEC_TOKEN", "key-from-token",
                        "HUMANITEC_API_URL", "http://127.0.0.1:8080/v1")));

        assertThat(described).contains("baseUrl=http://127.0.0.1:8080/v1").doesNotContain("key-from");
        assertThat(HumanitecClient.builder()
                        .fromEnvironment(Map.of("HUMANITEC_API_KEY", "k", "HUMANITEC_TOKEN", "t"))
                        .toString())
                .contains("token=<from HUMANITEC_API_KEY>");
        assertThat(HumanitecClient.builder()
                        .fromEnvironment(Map.of("HUMANITEC_API_KEY", " ", "HUMANITEC_TOKEN", "t"))
                        .toString())
                .contains("token=<from HUMANITEC_TOKEN>");
    }

    @Test
    void fromEnvironment_losesToWhatTheBuilderSetsWhateverTheOrder() {
        HumanitecClient.Builder builder = HumanitecClient.builder()
                .token(TOKEN)
                .baseUrl("https://explicit.example")
                .fromEnvironment(Map.of("HUMANITEC_API_KEY", "env-key", "HUMANITEC_API_URL", "https://env.example"));

        assertThat(builder.toString()).contains("token=<redacted>").contains("baseUrl=https://explicit.example");
        assertThat(describe(builder)).contains("baseUrl=https://explicit.example");
    }

    @Test
    void fromEnvironment_namesTheVariableWhenItsValueIsWrong() {
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .fromEnvironment(Map.of("HUMANITEC_TOKEN", "t", "HUMANITEC_API_URL", "localhost:8080"))
                        .build())
                .hasMessageStartingWith("HUMANITEC_API_URL 'localhost:8080' is not an absolute http(s) URL");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .fromEnvironment(Map.of("HUMANITEC_API_KEY", "tab\tinside"))
                        .build())
                .hasMessageStartingWith("HUMANITEC_API_KEY has a character at index 3");
    }

    @Test
    void timeouts_outOfRangeAreRejectedNamingTheSetting() {
        HumanitecClient.Builder builder = HumanitecClient.builder();
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
                .hasMessage("connectTimeout must be from 1 ms to 2147483647 ms, was PT0S");
        assertThatThrownBy(() -> builder.readTimeout(Duration.ofDays(30)))
                .hasMessage("readTimeout must be from 1 ms to 2147483647 ms, was PT720H");
        assertThatThrownBy(() -> builder.callTimeout(Duration.ofMillis(-1)))
                .hasMessage("callTimeout must be at least 1 ms, was PT-0.001S");
    }

    @Test
    void timeouts_atTheEndsOfTheirRangesAreAccepted() {
        HumanitecClient.Builder shortest = HumanitecClient.builder()
                .connectTimeout(Duration.ofMillis(1))
                .readTimeout(Duration.ofMillis(1))
                .callTimeout(Duration.ofMillis(1));
        HumanitecClient.Builder longest = HumanitecClient.builder()
                .connectTimeout(Duration.ofMillis(Integer.MAX_VALUE))
                .readTimeout(Duration.ofMillis(Integer.MAX_VALUE));

        assertThat(shortest.toString()).contains("connectTimeout=PT0.001S, readTimeout=PT0.001S, callTimeout=PT0.001S");
        assertThat(longest.toString()).contains("connectTimeout=PT596H31M23.647S, readTimeout=PT596H31M23.647S");
    }

    @Test
    void build_checksTheTokenFirst_beforeItOpensAnything() {
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(" ")
                        .baseUrl("not a URL")
                        .caBundle(java.nio.file.Path.of("no-such-bundle.pem"))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("token"));
    }

    @Test
    void transport_whoseLibraryIsMissingFailsInBuildNamingTheArtifact() {
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .transport(Transport.jdkHttpClient())
                        .classPresence(name -> !name.startsWith("feign.http2client."))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Transport.jdkHttpClient() needs io.github.openfeign:feign-java11 on the classpath"
                        + " (add it as a dependency, version 13.6)");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .transport(Transport.apacheHttpClient5())
                        .classPresence(name -> !name.startsWith("feign.hc5."))
                        .build())
                .hasMessage("Transport.apacheHttpClient5() needs io.github.openfeign:feign-hc5 on the classpath"
                        + " (add it as a dependency, version 13.6)");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .transport(Transport.apacheHttpClient5())
                        .classPresence(name -> !name.startsWith("org.apache.hc."))
                        .build())
                .hasMessage("Transport.apacheHttpClient5() needs org.apache.httpcomponents.client5:httpclient5 on"
                        + " the classpath (add it as a dependency)");
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(TOKEN)
                        .classPresence(name -> !name.startsWith("okhttp3."))
                        .build())
                .hasMessage("Transport.okHttp() needs com.squareup.okhttp3:okhttp on the classpath"
                        + " (add it as a dependency)");
    }

    @Test
    void transport_presenceIsCheckedAgainstTheRealClasspath() {
        for (String name :
                List.of("feign.okhttp.OkHttpClient", "feign.http2client.Http2Client", "feign.hc5.ApacheHttp5Client")) {
            assertThat(Transport.isOnClasspath(name)).as(name).isTrue();
        }
        assertThat(Transport.isOnClasspath("feign.nothing.Here")).isFalse();
    }

    @Test
    void customTransport_isUsedAsItIsAndNamedByItsClass() {
        feign.Client custom = new feign.Client.Default(null, null);
        assertThat(describe(HumanitecClient.builder().token(TOKEN).transport(Transport.custom(custom))))
                .contains("transport=custom(feign.Client$Default)");
    }

    @Test
    void withToken_validatesTheTokenWithoutShowingIt() {
        try (HumanitecClient client = HumanitecClient.builder().token(TOKEN).build()) {
            assertThatThrownBy(() -> client.withToken("")).hasMessage("token must not be blank");
            assertThatThrownBy(() -> client.withToken("bad token")).hasMessageNotContaining("bad token");
            assertThat(client.withToken("caller-token").toString()).doesNotContain("caller-token");
        }
    }

    @Test
    void withToken_takesEveryVisibleAsciiCharacter_andShowsThatATokenIsSetButNotIt() {
        try (HumanitecClient client = HumanitecClient.builder().token(TOKEN).build()) {
            // '!' and '~' are the first and last visible ASCII characters; space and DEL lie just outside
            assertThat(client.withToken("!caller~")).hasToString("HumanitecEventApi[Credential[Bearer <redacted>]]");
            assertThatThrownBy(() -> client.withToken("caller\u007f"))
                    .hasMessage("token has a character at index 6 that an HTTP header cannot carry"
                            + " (only visible ASCII is allowed)");
            assertThatThrownBy(() -> client.withToken("caller token"))
                    .hasMessageContaining("has a character at index 6");
        }
    }

    @Test
    void buildWithoutToken_needsNoTokenAndIgnoresTheEnvironmentsToken() {
        try (TokenlessHumanitecClient client = HumanitecClient.builder()
                .fromEnvironment(Map.of("HUMANITEC_API_KEY", "server-token"))
                .buildWithoutToken()) {
            assertThat(client.toString())
                    .startsWith("TokenlessHumanitecClient[baseUrl=https://api.humanitec.io, transport=OkHttp, ")
                    .doesNotContain("server-token");
            assertThatThrownBy(() -> client.withToken("")).hasMessage("token must not be blank");
            assertThatThrownBy(() -> client.withToken("bad token")).hasMessageNotContaining("bad token");
            assertThat(client.withToken("caller-token").toString()).doesNotContain("caller-token");
        }
    }

    @Test
    void buildWithoutToken_closingEndsTheViewsItDerived() {
        TokenlessHumanitecClient client = HumanitecClient.builder().buildWithoutToken();
        HumanitecEventApi view = client.withToken("caller-token");
        client.close();
        client.close();
        assertThatThrownBy(() -> view.events().list("o"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the HumanitecClient is closed");
    }

    @Test
    void close_twiceIsHarmlessAndLaterCallsFail() {
        HumanitecClient client = HumanitecClient.builder().token(TOKEN).build();
        client.close();
        client.close();
        assertThatThrownBy(() -> client.events().list("o")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void retryPolicy_validatesAndDescribesItself() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .hasMessage("maxAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
                .hasMessage("jitter must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> RetryPolicy.builder().backoffMultiplier(0.5))
                .hasMessageStartingWith("backoffMultiplier must be a finite number of at least 1.0");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .hasMessage("initialBackoff must not be negative, was PT-0.001S");
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.defaults().toBuilder().build()).isEqualTo(RetryPolicy.defaults());
        assertThat(RetryPolicy.defaults().toBuilder().jitter(0).build()).isNotEqualTo(RetryPolicy.defaults());
    }

    @Test
    void retryPolicy_takesTheEndsOfEachDocumentedRange() {
        RetryPolicy lowest = RetryPolicy.builder()
                .maxAttempts(1)
                .backoffMultiplier(1.0)
                .jitter(0.0)
                .build();
        RetryPolicy fullJitter = RetryPolicy.builder().jitter(1.0).build();

        assertThat(lowest.maxAttempts()).isEqualTo(1);
        assertThat(lowest.backoffMultiplier()).isEqualTo(1.0);
        assertThat(lowest.jitter()).isZero();
        assertThat(fullJitter.jitter()).isEqualTo(1.0);
    }
}
