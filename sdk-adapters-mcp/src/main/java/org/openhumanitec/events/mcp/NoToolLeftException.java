package org.openhumanitec.events.mcp;

import java.util.Set;

/**
 * {@link HumanitecMcpSettings} would offer no tool: the allow-list names only tools that change data, and read-only
 * mode removes those. It carries both settings, so that a caller can name the options they came from.
 */
public final class NoToolLeftException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Set<HumanitecTool> allowedTools;

    NoToolLeftException(Set<HumanitecTool> allowedTools) {
        super("no tool is left to offer: the allow-list names only tools that change data, in read-only mode");
        this.allowedTools = Set.copyOf(allowedTools);
    }

    /**
     * The allow-list that read-only mode emptied.
     *
     * @return the tools allowed, none of them read-only
     */
    public Set<HumanitecTool> allowedTools() {
        return allowedTools;
    }
}
