package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.api.errors.ServerErrorException;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** Every tool call reaches the listener once, with a bounded status saying how it ended. */
class ToolCallListenerTest {

    private record Call(HumanitecTool tool, ToolCallListener.Status status, long nanos) {}

    @Test
    void everyCall_isReportedOnceWithHowItEnded() {
        List<Call> calls = new ArrayList<>();
        HumanitecMcpTools tools = HumanitecMcpTools.over(
                HumanitecSandbox.create(), (tool, status, nanos) -> calls.add(new Call(tool, status, nanos)));

        tools.call(HumanitecTool.LIST_WEBHOOKS, Map.of("orgId", "o", "appId", "a"));
        tools.call(HumanitecTool.GET_WEBHOOK, Map.of("orgId", "o", "appId", "a", "jobId", "missing"));
        tools.call(HumanitecTool.LIST_EVENTS, Map.of("orgId", " "));

        assertThat(calls)
                .extracting(Call::tool, Call::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(HumanitecTool.LIST_WEBHOOKS, ToolCallListener.Status.OK),
                        org.assertj.core.groups.Tuple.tuple(
                                HumanitecTool.GET_WEBHOOK, new ToolCallListener.Status("404", "CLIENT_ERROR")),
                        org.assertj.core.groups.Tuple.tuple(
                                HumanitecTool.LIST_EVENTS, ToolCallListener.Status.INVALID_ARGUMENTS));
        assertThat(calls).allSatisfy(call -> assertThat(call.nanos()).isNotNegative());
    }

    @Test
    void failures_areNamedByKindNeverByMessage() {
        assertThat(ToolCallListener.Status.of(new ServerErrorException(503, null, Map.of(), "busy")))
                .isEqualTo(new ToolCallListener.Status("503", "SERVER_ERROR"));
        assertThat(ToolCallListener.Status.of(new NetworkTimeoutException("slow", null, true)))
                .isEqualTo(new ToolCallListener.Status("network_timeout", "SERVER_ERROR"));
        assertThat(ToolCallListener.Status.of(new NetworkException("refused", null, false)))
                .isEqualTo(new ToolCallListener.Status("network_error", "SERVER_ERROR"));
        assertThat(ToolCallListener.Status.of(new IllegalStateException("bug")))
                .isEqualTo(new ToolCallListener.Status("internal_error", "SERVER_ERROR"));
    }
}
