package org.openhumanitec.events.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Bounds the time a client takes to send a request: its headers, and its body when it has one, must have arrived
 * within the timeout, counted from the connection's opening or from the end of its previous exchange; otherwise the
 * connection is closed. Jetty's idle timeout alone restarts at every byte, so a client sending one more header line
 * every few seconds (slowloris) would hold its connection forever.
 *
 * <p>It is a handler, which sees each request once its headers are parsed (and its body through a request wrapper),
 * and a {@link Connection.Listener} of the connector, which sees connections open and close.
 */
final class RequestReadDeadline extends Handler.Wrapper {

    private final long timeoutMillis;
    private final Scheduler scheduler;
    private final Map<Connection, Scheduler.Task> deadlines = new ConcurrentHashMap<>();
    private final Connection.Listener connections = new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
            arm(connection);
        }

        @Override
        public void onClosed(Connection connection) {
            disarm(connection);
        }
    };

    /**
     * A deadline for every request.
     *
     * @param timeout the time a request may take to arrive
     * @param scheduler the scheduler of the server's connector
     */
    RequestReadDeadline(Duration timeout, Scheduler scheduler) {
        this.timeoutMillis = timeout.toMillis();
        this.scheduler = scheduler;
    }

    /** The listener to add to the connector. */
    Connection.Listener connectionListener() {
        return connections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        Request served = request;
        if (hasBody(request)) {
            served = new BodyArrival(request, () -> disarm(connection));
        } else {
            disarm(connection);
        }
        // Armed again for the next request on this connection, before Jetty starts reading it.
        return super.handle(served, response, Callback.from(() -> arm(connection), callback));
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0;
    }

    private void arm(Connection connection) {
        Scheduler.Task expiry = scheduler.schedule(() -> expire(connection), timeoutMillis, TimeUnit.MILLISECONDS);
        Scheduler.Task previous = deadlines.put(connection, expiry);
        if (previous != null) {
            previous.cancel();
        }
    }

    private void disarm(Connection connection) {
        Scheduler.Task expiry = deadlines.remove(connection);
        if (expiry != null) {
            expiry.cancel();
        }
    }

    private void expire(Connection connection) {
        deadlines.remove(connection);
        connection.close();
    }

    /** Tells when the last of a request's body has been read. */
    private static final class BodyArrival extends Request.Wrapper {
        private final Runnable arrived;

        BodyArrival(Request request, Runnable arrived) {
            super(request);
            this.arrived = arrived;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                arrived.run();
            }
            return chunk;
        }
    }
}
