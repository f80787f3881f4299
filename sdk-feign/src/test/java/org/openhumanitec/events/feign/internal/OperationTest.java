package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The metrics' operation tag (read from the Feign method) and the retry counter's (the enum's id) agree. */
class OperationTest {

    @Test
    void ids_areTheNamesOfTheResourceMethods() {
        assertThat(Arrays.stream(Operation.values()).map(Operation::id))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(HumanitecResource.class.getDeclaredMethods())
                        .map(Method::getName)
                        .toList());
    }
}
