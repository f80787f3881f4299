package org.openhumanitec.events.mcp;

import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;

/**
 * What a failed call tells the agent, as the text of an {@code isError} result: for an API error, the status,
 * Humanitec's error code and message (and when to retry after a 429); for a network failure, what happened and
 * whether the request may have reached Humanitec. Never a class name, a stack trace or a token.
 */
final class ToolFailures {

    /** What an unexpected failure tells the agent: nothing about it. */
    static final String UNEXPECTED = "The adapter failed to handle the call; its log has the cause.";

    private ToolFailures() {}

    static String describe(HumanitecTool tool, RuntimeException failure) {
        String prefix = tool.toolName() + " failed: ";
        if (failure instanceof HumanitecApiException api) {
            return prefix + apiError(api);
        }
        if (failure instanceof NetworkTimeoutException timeout) {
            return prefix + "Humanitec did not answer in time (network timeout)." + reached(tool, timeout);
        }
        if (failure instanceof NetworkException network) {
            return prefix + "Humanitec could not be reached (network error)." + reached(tool, network);
        }
        if (failure instanceof InvalidResponseException) {
            return prefix + "Humanitec sent a response that could not be read.";
        }
        return prefix + UNEXPECTED;
    }

    private static String apiError(HumanitecApiException api) {
        StringBuilder text = new StringBuilder("Humanitec answered HTTP ").append(api.status());
        String reason = HumanitecApiException.reasonPhrase(api.status());
        if (!reason.isEmpty()) {
            text.append(' ').append(reason);
        }
        if (api.errorCode() != null) {
            text.append(", error code ").append(api.errorCode());
        }
        text.append(api.errorMessage() == null ? " (no error message)." : ": " + api.errorMessage());
        api.header("Retry-After")
                .ifPresent(after -> text.append(" Retry after ").append(after).append(isSeconds(after) ? " s." : "."));
        return text.toString();
    }

    private static boolean isSeconds(String value) {
        return !value.isBlank() && value.strip().chars().allMatch(Character::isDigit);
    }

    private static String reached(HumanitecTool tool, NetworkException failure) {
        if (!failure.mayHaveReachedServer()) {
            return " The request never left; it is safe to call again.";
        }
        return tool.idempotent()
                ? " The request may have reached Humanitec; calling again is safe."
                : " The request may have reached Humanitec: check with list-webhooks before calling again.";
    }
}
