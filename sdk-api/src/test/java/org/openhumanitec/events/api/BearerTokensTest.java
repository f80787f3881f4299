package org.openhumanitec.events.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "bearer abc", "BEARER  abc ", "Bearer \tabc"})
    void fromAuthorization_readsTheTokenWhateverTheSchemesCaseAndTheBlanks(String authorization) {
        assertThat(BearerTokens.fromAuthorization(authorization)).contains("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer    ", "Basic abc", "Bearerabc", "abc"})
    void fromAuthorization_hasNoTokenWithoutTheSchemeOrWithNothingAfterIt(String authorization) {
        assertThat(BearerTokens.fromAuthorization(authorization)).isEmpty();
    }

    @Test
    void fromAuthorization_hasNoTokenWithoutAHeader() {
        assertThat(BearerTokens.fromAuthorization(null)).isEmpty();
    }
}
