package org.openhumanitec.events.mcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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
            false,
            true,
            true,
            false,
            false),

    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks}. */
    LIST_WEBHOOKS(
            "list-webhooks",
            "List webhooks",
            "Lists the webhooks of a Humanitec application: each webhook's id, URL, whether it is disabled, its"
                    + " headers, payload template and triggering events. Read-only. The list is not paginated.",
            true,
            false,
            true,
            false,
            false),

    /** {@code POST /orgs/{orgId}/apps/{appId}/webhooks}. */
    CREATE_WEBHOOK(
            "create-new-webhook",
            "Create a webhook",
            "Creates a webhook in a Humanitec application: Humanitec will call its HTTPS URL when one of its"
                    + " triggers (an event scope and type, see list-events) fires. The id must be unique within the"
                    + " whole organization. Not idempotent: calling it again with the same id fails with 409"
                    + " Conflict. Returns the webhook as stored.",
            false,
            false,
            false,
            false,
            true),

    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    GET_WEBHOOK(
            "get-webhook",
            "Get a webhook",
            "Reads one webhook of a Humanitec application by its id (jobId). Read-only.",
            true,
            false,
            true,
            true,
            false),

    /** {@code DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    DELETE_WEBHOOK(
            "delete-webhook",
            "Delete a webhook",
            "Deletes one webhook of a Humanitec application by its id (jobId). This cannot be undone: the webhook"
                    + " stops firing and its settings are lost. Returns a confirmation naming the webhook.",
            false,
            true,
            true,
            true,
            false),

    /** {@code PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    UPDATE_WEBHOOK(
            "update-webhook",
            "Update a webhook",
            "Changes a webhook of a Humanitec application: only the fields given in body are sent; the others are"
                    + " kept. url and disabled may be set to null; headers, payload and triggers are replaced whole."
                    + " Returns the webhook after the update (without id or creation data).",
            false,
            false,
            true,
            true,
            true),

    /** {@code GET /orgs/{orgId}/events}. */
    LIST_EVENTS(
            "list-events",
            "List events",
            "Lists the events of a Humanitec organization that can trigger a webhook (a scope and a type, such as"
                    + " deployment/finished), each with the ${name} placeholders a webhook payload may use for it."
                    + " Read-only.",
            true,
            false,
            true,
            false,
            false);

    private final String toolName;
    private final String title;
    private final String description;
    private final boolean readOnly;
    private final boolean destructive;
    private final boolean idempotent;
    private final boolean takesJobId;
    private final boolean takesBody;

    HumanitecTool(
            String toolName,
            String title,
            String description,
            boolean readOnly,
            boolean destructive,
            boolean idempotent,
            boolean takesJobId,
            boolean takesBody) {
        this.toolName = toolName;
        this.title = title;
        this.description = description;
        this.readOnly = readOnly;
        this.destructive = destructive;
        this.idempotent = idempotent;
        this.takesJobId = takesJobId;
        this.takesBody = takesBody;
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
        return readOnly;
    }

    /**
     * Whether the tool may destroy data ({@code destructiveHint}).
     *
     * @return true for the two deletes
     */
    public boolean destructive() {
        return destructive;
    }

    /**
     * Whether calling the tool twice with the same arguments has the effect of calling it once
     * ({@code idempotentHint}).
     *
     * @return false for create-new-webhook only
     */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * Whether the tool needs an application id ({@code appId}).
     *
     * @return false for list-events only
     */
    public boolean takesAppId() {
        return this != LIST_EVENTS;
    }

    /**
     * Whether the tool needs a webhook id ({@code jobId}).
     *
     * @return true for get-webhook, update-webhook and delete-webhook
     */
    public boolean takesJobId() {
        return takesJobId;
    }

    /**
     * Whether the tool takes a webhook request ({@code body}).
     *
     * @return true for create-new-webhook and update-webhook
     */
    public boolean takesBody() {
        return takesBody;
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
