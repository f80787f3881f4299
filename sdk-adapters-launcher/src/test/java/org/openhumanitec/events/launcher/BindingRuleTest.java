package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindingRuleTest {

    private static final LaunchOption TOKEN = LaunchOption.secret("--auth-token", "X_TOKEN", "token");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "127.0.0.2"})
    void loopbackNeedsNoToken(String host) {
        assertThatCode(() -> BindingRule.check(host, false, TOKEN)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void everyInterfaceWithoutATokenIsRefused(String host) {
        assertThatThrownBy(() -> BindingRule.check(host, false, TOKEN))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Refusing to listen on " + host + " without an inbound token")
                .hasMessageContaining("Set --auth-token (or X_TOKEN)");
        assertThatCode(() -> BindingRule.check(host, true, TOKEN)).doesNotThrowAnyException();
    }
}
