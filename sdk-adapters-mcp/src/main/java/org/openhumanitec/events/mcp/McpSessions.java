package org.openhumanitec.events.mcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The MCP sessions open on the stateful transport, as the servlet admits them: at most {@code max} at once (counting
 * the {@code initialize} requests in progress), each closed once it has been idle, with no request of it in progress,
 * for the idle timeout.
 *
 * <p>The SDK's transport keeps its own map of sessions and tells nobody when it drops one, so this registry decides
 * the limit and the expiry: a request naming a session it does not know gets 404 before the SDK sees it, and the
 * SDK's own sweeper (run every half idle timeout) frees an idle session's memory no later than this registry expires
 * it. It holds at most {@code max} entries of about 200 bytes each.
 */
final class McpSessions {

    private final int max;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Map<String, Session> open = new HashMap<>();
    private int initializing;

    /** One session: the requests of it in progress, and when the last one ended. */
    private static final class Session {
        private int inProgress;
        private Instant idleSince;

        private Session(Instant idleSince) {
            this.idleSince = idleSince;
        }
    }

    McpSessions(int max, Duration idleTimeout, Clock clock) {
        this.max = max;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /**
     * Takes a place for a new session, before its {@code initialize} goes to the SDK; {@link #opened} or
     * {@link #abandoned} gives it back.
     *
     * @throws Refusal 503 with the time until the next idle session expires, when every place is taken
     */
    synchronized void reserve() throws Refusal {
        Instant now = clock.instant();
        if (open.size() + initializing >= max) {
            open.values().removeIf(session -> expired(session, now));
        }
        if (open.size() + initializing >= max) {
            throw Refusal.unavailable(
                    "Too many open MCP sessions (" + max + "): retry later, or end an unused one with DELETE",
                    untilAPlaceFrees(now));
        }
        initializing++;
    }

    /** The SDK opened the session a {@link #reserve() reserved} place was for. */
    synchronized void opened(String id) {
        initializing--;
        open.put(id, new Session(clock.instant()));
    }

    /** The {@code initialize} a place was {@link #reserve() reserved} for opened no session. */
    synchronized void abandoned() {
        initializing--;
    }

    /**
     * Starts a request of a session; {@link #end} ends it.
     *
     * @return false if the session is unknown, closed or expired
     */
    synchronized boolean begin(String id) {
        Session session = open.get(id);
        if (session == null) {
            return false;
        }
        if (expired(session, clock.instant())) {
            open.remove(id);
            return false;
        }
        session.inProgress++;
        return true;
    }

    /** Ends a request of a session: its idle time starts now if no other request of it is in progress. */
    synchronized void end(String id) {
        Session session = open.get(id);
        if (session != null) {
            session.inProgress--;
            session.idleSince = clock.instant();
        }
    }

    /** Forgets a session the client ended or the SDK no longer knows. */
    synchronized void closed(String id) {
        open.remove(id);
    }

    private boolean expired(Session session, Instant now) {
        return session.inProgress == 0 && !now.isBefore(session.idleSince.plus(idleTimeout));
    }

    /** The time until the first idle session expires, in whole seconds, at least 1; the idle timeout if none is. */
    private Duration untilAPlaceFrees(Instant now) {
        Duration wait = idleTimeout;
        for (Session session : open.values()) {
            if (session.inProgress == 0) {
                Duration left = Duration.between(now, session.idleSince.plus(idleTimeout));
                if (left.compareTo(wait) < 0) {
                    wait = left;
                }
            }
        }
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
