package org.openhumanitec.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdsTest {

    @Test
    void require_rejectsNullNamingTheParameter() {
        assertThatThrownBy(() -> PathIds.require(null, "jobId"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("jobId must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void require_rejectsBlankNamingTheParameter(String blank) {
        assertThatThrownBy(() -> PathIds.require(blank, "orgId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orgId must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void require_rejectsDotSegments(String dots) {
        assertThatThrownBy(() -> PathIds.require(dots, "appId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("appId must not be '" + dots + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-app", "a/b", "%2F", "x?y=1", "é", "...", ".hidden"})
    void require_acceptsAnyOtherString(String id) {
        assertThat(PathIds.require(id, "appId")).isSameAs(id);
    }
}
