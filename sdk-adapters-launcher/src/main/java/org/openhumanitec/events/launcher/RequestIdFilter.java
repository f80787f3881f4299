package org.openhumanitec.events.launcher;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@value FaceTelemetry#REQUEST_ID_HEADER} when it is 1 to 64 letters,
 * digits, dots, dashes or underscores, else a random UUID. The id is sent back in that header, and is in SLF4J's
 * MDC as {@value #MDC_KEY} while the request is handled, so error logs name it too.
 */
final class RequestIdFilter implements Filter {

    /** The MDC key of the request id: {@value}. */
    static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = ((HttpServletRequest) request).getHeader(FaceTelemetry.REQUEST_ID_HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        ((HttpServletResponse) response).setHeader(FaceTelemetry.REQUEST_ID_HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
