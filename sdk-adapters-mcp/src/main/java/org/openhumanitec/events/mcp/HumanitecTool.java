package org.openhumanitec.events.mcp;

import static org.openhumanitec.events.mcp.HumanitecTool.Argument.APP_ID;
import static org.openhumanitec.events.mcp.HumanitecTool.Argument.BODY;
import static org.openhumanitec.events.mcp.HumanitecTool.Argument.JOB_ID;
import static org.openhumanitec.events.mcp.HumanitecTool.Hint.DESTRUCTIVE;
import static org.openhumanitec.events.mcp.HumanitecTool.Hint.IDEMPOTENT;
import static org.openhumanitec.events.mcp.HumanitecTool.Hint.READ_ONLY;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The 7 tools, one per operation of the Humanitec Event API, with the behaviour flags an MCP client sees as
 * annotations. Every tool also has {@code openWorldHint: true}: it acts on Humanitec (or the sandbox standing in
 * for it), outside the MCP server.
 */
public enum HumanitecTool {

    /** {@code DELETE /orgs/{orgId}/apps/{appId}/jobs}. */
    DELETE_ALL_JOBS(
            "deletes-all-jobs-application",
            "Delete all jobs of an application",
            "Deletes every job of a Humanitec application, webhooks included. This cannot be undone: the webhooks"
                    + " are gone and stop firing. Succeeds when there is nothing to delete. Returns a confirmation"
                    + " naming the organization and application.",
            hints(DESTRUCTIVE, IDEMPOTENT),
            arguments(APP_ID)),

    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks}. */
    LIST_WEBHOOKS(
            "list-webhooks",
            "List webhooks",
            "Lists the webhooks of a Humanitec application: each webhook's id, URL, whether it is disabled, its"
                    + " headers, payload template and triggering events. Read-only. The list is not paginated.",
            hints(READ_ONLY, IDEMPOTENT),
            arguments(APP_ID)),

    /** {@code POST /orgs/{orgId}/apps/{appId}/webhooks}. */
    CREATE_WEBHOOK(
            "create-new-webhook",
            "Create a webhook",
            "Creates a webhook in a Humanitec application: Humanitec will call its HTTPS URL when one of its"
                    + " triggers (an event scope and type, see list-events) fires. The id must be unique within the"
                    + " whole organization. Not idempotent: calling it again with the same id fails with 409"
                    + " Conflict. Returns the webhook as stored.",
            hints(),
            arguments(APP_ID, BODY)),

    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    GET_WEBHOOK(
            "get-webhook",
            "Get a webhook",
            "Reads one webhook of a Humanitec application by its id (jobId). Read-only.",
            hints(READ_ONLY, IDEMPOTENT),
            arguments(APP_ID, JOB_ID)),

    /** {@code DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    DELETE_WEBHOOK(
            "delete-webhook",
            "Delete a webhook",
            "Deletes one webhook of a Humanitec application by its id (jobId). This cannot be undone: the webhook"
                    + " stops firing and its settings are lost. Returns a confirmation naming the webhook.",
            hints(DESTRUCTIVE, IDEMPOTENT),
            arguments(APP_ID, JOB_ID)),

    /** {@code PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    UPDATE_WEBHOOK(
            "update-webhook",
            "Update a webhook",
            "Changes a webhook of a Humanitec application: only the fields given in body are sent; the others are"
                    + " kept. url and disabled may be set to null; headers, payload and triggers are replaced whole."
                    + " Returns the webhook after the update (without id or creation data).",
            hints(IDEMPOTENT),
            arguments(APP_ID, JOB_ID, BODY)),

    /** {@code GET /orgs/{orgId}/events}. */
    LIST_EVENTS(
            "list-events",
            "List events",
            "Lists the events of a Humanitec organization that can trigger a webhook (a scope and a type, such as"
                    + " deployment/finished), each with the ${name} placeholders a webhook payload may use for it."
                    + " Read-only.",
            hints(READ_ONLY, IDEMPOTENT),
            arguments());

    /** A behaviour flag of a tool, sent as the MCP annotation of the same name. */
    enum Hint {
        /** It only reads ({@code readOnlyHint}). */
        READ_ONLY,
        /** It may destroy data ({@code destructiveHint}). */
        DESTRUCTIVE,
        /** Calling it twice with the same arguments has the effect of calling it once ({@code idempotentHint}). */
        IDEMPOTENT
    }

    /** An argument a tool takes besides {@code orgId}, which every tool takes. */
    enum Argument {
        /** The application id, {@code appId}. */
        APP_ID,
        /** The webhook id, {@code jobId}. */
        JOB_ID,
        /** The webhook request, {@code body}. */
        BODY
    }

    private final String toolName;
    private final String title;
    private final String description;
    private final Set<Hint> hints;
    private final Set<Argument> arguments;

    HumanitecTool(String toolName, String title, String description, Set<Hint> hints, Set<Argument> arguments) {
        this.toolName = toolName;
        this.title = title;
        this.description = description;
        this.hints = hints;
        this.arguments = arguments;
    }

    private static Set<Hint> hints(Hint... hints) {
        return Collections.unmodifiableSet(
                hints.length == 0 ? EnumSet.noneOf(Hint.class) : EnumSet.copyOf(Arrays.asList(hints)));
    }

    private static Set<Argument> arguments(Argument... arguments) {
        return Collections.unmodifiableSet(
                arguments.length == 0 ? EnumSet.noneOf(Argument.class) : EnumSet.copyOf(Arrays.asList(arguments)));
    }

    /**
     * The tool's name as MCP clients call it.
     *
     * @return for example {@code list-webhooks}
     */
    public String toolName() {
        return toolName;
    }

    /**
     * A short human-readable title.
     *
     * @return for example {@code List webhooks}
     */
    public String title() {
        return title;
    }

    /**
     * What the tool does and what it cannot undo, for an agent choosing a tool.
     *
     * @return one paragraph
     */
    public String description() {
        return description;
    }

    /**
     * Whether the tool only reads ({@code readOnlyHint}).
     *
     * @return true for list-webhooks, get-webhook and list-events
     */
    public boolean readOnly() {
        return hints.contains(Hint.READ_ONLY);
    }

    /**
     * Whether the tool may destroy data ({@code destructiveHint}).
     *
     * @return true for the two deletes
     */
    public boolean destructive() {
        return hints.contains(Hint.DESTRUCTIVE);
    }

    /**
     * Whether calling the tool twice with the same arguments has the effect of calling it once
     * ({@code idempotentHint}).
     *
     * @return false for create-new-webhook only
     */
    public boolean idempotent() {
        return hints.contains(Hint.IDEMPOTENT);
    }

    /**
     * Whether the tool needs an application id ({@code appId}).
     *
     * @return false for list-events only
     */
    public boolean takesAppId() {
        return arguments.contains(Argument.APP_ID);
    }

    /**
     * Whether the tool needs a webhook id ({@code jobId}).
     *
     * @return true for get-webhook, update-webhook and delete-webhook
     */
    public boolean takesJobId() {
        return arguments.contains(Argument.JOB_ID);
    }

    /**
     * Whether the tool takes a webhook request ({@code body}).
     *
     * @return true for create-new-webhook and update-webhook
     */
    public boolean takesBody() {
        return arguments.contains(Argument.BODY);
    }

    /**
     * The tool of a name.
     *
     * @param toolName a tool's name, such as {@code list-webhooks}; case-insensitive, surrounding blanks ignored
     * @return the tool, or empty when no tool has that name
     */
    public static Optional<HumanitecTool> byName(String toolName) {
        if (toolName == null) {
            return Optional.empty();
        }
        String wanted = toolName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(tool -> tool.toolName.equals(wanted))
                .findFirst();
    }
}
