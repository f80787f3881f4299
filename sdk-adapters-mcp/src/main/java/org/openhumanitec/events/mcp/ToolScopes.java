package org.openhumanitec.events.mcp;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which OAuth scope each tool needs, for a {@link HumanitecMcpServlet} behind a token check that knows the caller's
 * scopes: the {@linkplain HumanitecTool#readOnly() read-only tools} need the read scope, the others the write scope.
 * {@code tools/list} then shows a caller only the tools its scopes allow, and a {@code tools/call} of another tool
 * is answered 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"} naming the scope it needs.
 */
public final class ToolScopes {

    private final String readScope;
    private final String writeScope;
    private final Function<HttpServletRequest, Set<String>> grantedScopes;
    private final String resourceMetadata;

    private ToolScopes(
            String readScope,
            String writeScope,
            Function<HttpServletRequest, Set<String>> grantedScopes,
            String resourceMetadata) {
        this.readScope = requireScope(readScope, "readScope");
        this.writeScope = requireScope(writeScope, "writeScope");
        this.grantedScopes = Objects.requireNonNull(grantedScopes, "grantedScopes must not be null");
        this.resourceMetadata = resourceMetadata;
    }

    /**
     * The scopes of the tools.
     *
     * @param readScope what the read-only tools need, such as {@code humanitec:read}
     * @param writeScope what the other tools need, such as {@code humanitec:write}
     * @param grantedScopes the scopes of a request's caller, as the token check in front of the servlet found them
     * @param resourceMetadata the URL of the Protected Resource Metadata document, named in the 403's challenge; or
     *     null
     * @return the scopes
     */
    public static ToolScopes of(
            String readScope,
            String writeScope,
            Function<HttpServletRequest, Set<String>> grantedScopes,
            String resourceMetadata) {
        return new ToolScopes(readScope, writeScope, grantedScopes, resourceMetadata);
    }

    private static String requireScope(String scope, String name) {
        if (scope == null || scope.isBlank() || scope.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '\\')) {
            throw new IllegalArgumentException(name + " must be one scope, without blanks or quotes");
        }
        return scope;
    }

    /**
     * The scope a tool needs.
     *
     * @param tool the tool
     * @return the read scope for a read-only tool, else the write scope
     */
    public String requiredFor(HumanitecTool tool) {
        return tool.readOnly() ? readScope : writeScope;
    }

    /**
     * Whether a caller with these scopes may see and call a tool.
     *
     * @param granted the caller's scopes
     * @param tool the tool
     * @return true if they hold the scope the tool needs
     */
    public boolean allows(Collection<String> granted, HumanitecTool tool) {
        return granted.contains(requiredFor(tool));
    }

    /** The caller's scopes for one request. */
    Set<String> granted(HttpServletRequest request) {
        return grantedScopes.apply(request);
    }

    /** The {@code WWW-Authenticate} value of a call refused for want of the scope a tool needs. */
    String challenge(HumanitecTool tool) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + requiredFor(tool) + "\""
                + (resourceMetadata == null ? "" : ", resource_metadata=\"" + resourceMetadata + "\"");
    }

    @Override
    public String toString() {
        return "ToolScopes[read=" + readScope + ", write=" + writeScope + "]";
    }
}
