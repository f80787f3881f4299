package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The samples run on the sandbox and print what their docs say they print. */
class SamplesTest {

    @Test
    void quickstart_walksTheLifecycleOnTheSandbox() {
        String out = StandardOutput.of(() -> Quickstart.main(new String[0]));

        assertThat(out.lines())
                .anyMatch(line -> line.startsWith("created quickstart-hook at 20"))
                .contains(
                        "listed  quickstart-hook -> https://hooks.example.com/humanitec on [deployment.finished]",
                        "updated disabled=true",
                        "fetched true",
                        "deleted, 0 left")
                .filteredOn(line -> line.startsWith("event   "))
                .hasSize(4);
    }

    @Test
    void receiveDeployments_deliversFromTheSandboxToItsOwnReceiver() {
        String out = StandardOutput.of(() -> {
            try {
                ReceiveDeployments.main(new String[0]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(out.lines())
                .containsExactly(
                        "sandbox:  deploys-shop DELIVERED 202",
                        "receiver: deployment.finished \"shop deployed to production: succeeded\"");
    }

    @Test
    void errorHandling_catchesEachTypedException() {
        String out = StandardOutput.of(() -> ErrorHandling.main(new String[0]));

        assertThat(out.lines())
                .hasSize(3)
                .satisfiesExactly(
                        conflict -> assertThat(conflict).startsWith("409 HUM-409: "),
                        notFound -> assertThat(notFound).isEqualTo("no webhook no-such-hook (HUM-404)"),
                        invalid -> assertThat(invalid).contains("url").contains("https://"));
    }

    @Test
    void transportAndRetries_reachesTheRestFaceThroughEveryTransport() {
        String out = StandardOutput.of(() -> TransportAndRetries.main(new String[0]));

        assertThat(out.lines()).hasSize(3).allMatch(line -> line.endsWith(": 4 events"));
    }
}
