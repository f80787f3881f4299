package org.openhumanitec.events.feign.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A delegating Feign {@link Client} that holds a response body to the call's deadline. The transport's read timeout
 * bounds each read, so a body sent a byte at a time could outlast the deadline by any amount; this arms a timer at
 * the deadline ({@link AttemptOptions#deadlineNanos()}) when the response arrives, and when it fires before the body
 * was closed, abandons the body under the reader. The reader's read then fails with {@link DeadlinePassed} (a
 * {@link SocketTimeoutException}, so the client reports a {@code NetworkTimeoutException}). Reaching the response is
 * bounded by the attempt's read timeout, which the retry layer shortens to what is left of the call. Closing the
 * body in time cancels the timer.
 *
 * <p>Where the transport itself fails any read that waits longer than the attempt's read timeout (OkHttp), a read
 * that starts while more than that is left of the call cannot outlast the deadline, so the timer is armed only by
 * the first read that starts nearer the deadline: a body read in time (nearly every one) never touches the timer's
 * queue or wakes its thread. Other transports arm it when the response arrives.
 *
 * <p>The timer runs on its own thread while the caller may be blocked in a read, so each transport abandons a body
 * through the mechanism its library documents as safe from another thread ({@link Abort}), never by touching the
 * reader's stream:
 *
 * <ul>
 *   <li>OkHttp: {@code Call.cancel()}, which OkHttp documents as safe to call from any thread; it shuts the
 *       exchange's socket, and the blocked read fails. Closing the body instead would read and release its source
 *       on the timer thread while the caller reads it, which OkHttp's sources do not allow. The call is taken on the
 *       caller's thread, by an OkHttp interceptor, when the response arrives ({@code OkHttpTransport}). The Okio
 *       deadline of the body's source was the other candidate; it would need the call's deadline inside OkHttp per
 *       request and a second mechanism beside this timer, for the same effect.
 *   <li>JDK {@code HttpClient}: closing the stream of {@code BodySubscribers.ofInputStream()}, whose contract is
 *       that closing cancels the subscription; the JDK's stream guards its state and wakes a blocked read.
 *   <li>Apache HttpClient 5: {@code EofSensorInputStream.abort()}, which discards the connection through the same
 *       path as HttpClient's own cross-thread {@code Cancellable.cancel()} (closing would first read the rest).
 * </ul>
 */
final class DeadlineClient implements Client, AutoCloseable {

    /** How a transport abandons, from the timer's thread, the body of a response that the caller may be reading. */
    @FunctionalInterface
    interface Abort {
        /**
         * Called on the caller's thread for every response, right after the transport returned it.
         *
         * @param response the transport's response; its body may be null
         * @return what the timer runs if the deadline passes while the body is open
         */
        BodyAbort prepare(Response response);
    }

    /** Abandons one response body; runs on the timer's thread. */
    @FunctionalInterface
    interface BodyAbort {
        /**
         * Abandons the body.
         *
         * @param stream the stream the reader got from the body, or null if it has not asked for one yet
         * @throws IOException if abandoning fails
         */
        void abort(InputStream stream) throws IOException;
    }

    /** Closing the body: how the JDK client abandons one, and all a custom Feign client offers. */
    static final Abort CLOSE = response -> stream -> response.body().close();

    private final Client delegate;
    private final Abort abort;
    private final boolean readTimeoutBoundsEachRead;
    private final RetryClock clock;
    private final ScheduledThreadPoolExecutor timer;

    /**
     * A client.
     *
     * @param delegate the transport's client
     * @param abort how the transport abandons a body being read
     * @param readTimeoutBoundsEachRead whether the transport fails every read that waits longer than the attempt's
     *     read timeout
     * @param clock the clock the deadlines are measured on
     */
    DeadlineClient(Client delegate, Abort abort, boolean readTimeoutBoundsEachRead, RetryClock clock) {
        this.delegate = delegate;
        this.abort = abort;
        this.readTimeoutBoundsEachRead = readTimeoutBoundsEachRead;
        this.clock = clock;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "humanitec-call-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(1, TimeUnit.MINUTES);
        timer.allowCoreThreadTimeOut(true);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Response response = delegate.execute(request, options);
        BodyAbort bodyAbort = abort.prepare(response);
        if (!(options instanceof AttemptOptions attempt) || response.body() == null) {
            return response;
        }
        long armBeforeNanos =
                readTimeoutBoundsEachRead ? TimeUnit.MILLISECONDS.toNanos(attempt.readTimeoutMillis()) : Long.MAX_VALUE;
        DeadlineBody body = new DeadlineBody(response.body(), bodyAbort, attempt.deadlineNanos(), armBeforeNanos);
        body.armIfNear();
        return response.toBuilder().body(body).build();
    }

    /** Stops the timer thread. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** What a read of a body the deadline closed throws. */
    static final class DeadlinePassed extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        DeadlinePassed() {
            super("the call timeout elapsed while the response body was read");
        }
    }

    /** A body that the timer abandons at the deadline. */
    private final class DeadlineBody implements Response.Body {
        private final Response.Body body;
        private final BodyAbort abort;
        private final long deadlineNanos;
        private final long armBeforeNanos;
        private volatile InputStream stream;
        private volatile ScheduledFuture<?> expiry;
        private volatile boolean expired;

        /**
         * A body.
         *
         * @param body the transport's body
         * @param abort how to abandon it
         * @param deadlineNanos the call's deadline
         * @param armBeforeNanos how long before the deadline a read arms the timer: the longest a read can wait
         */
        DeadlineBody(Response.Body body, BodyAbort abort, long deadlineNanos, long armBeforeNanos) {
            this.body = body;
            this.abort = abort;
            this.deadlineNanos = deadlineNanos;
            this.armBeforeNanos = armBeforeNanos;
        }

        /** Arms the timer at the deadline, once, if a read starting now could wait past it. */
        void armIfNear() {
            if (expiry != null) {
                return;
            }
            long left = deadlineNanos - clock.nanoTime();
            if (left <= armBeforeNanos) {
                expiry = timer.schedule(this::expire, left, TimeUnit.NANOSECONDS);
            }
        }

        void expire() {
            expired = true;
            try {
                abort.abort(stream);
            } catch (IOException | RuntimeException e) {
                // The reader sees the deadline on its next read whatever the close did.
            }
        }

        @Override
        public Integer length() {
            return body.length();
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public InputStream asInputStream() throws IOException {
            stream = body.asInputStream();
            return new FilterInputStream(stream) {
                @Override
                public int read() throws IOException {
                    try {
                        beforeRead();
                        return checked(super.read());
                    } catch (IOException | RuntimeException e) {
                        throw rethrown(e);
                    }
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    try {
                        beforeRead();
                        return checked(super.read(buffer, offset, length));
                    } catch (IOException | RuntimeException e) {
                        throw rethrown(e);
                    }
                }
            };
        }

        /** Before a read: arms the timer if the read could wait past the deadline, and fails if it has passed. */
        private void beforeRead() throws DeadlinePassed {
            armIfNear();
            checked(0);
        }

        private int checked(int read) throws DeadlinePassed {
            if (expired) {
                throw new DeadlinePassed();
            }
            return read;
        }

        /** A read's failure; after the deadline, whatever the closed body threw becomes {@link DeadlinePassed}. */
        private IOException rethrown(Exception e) {
            if (expired) {
                if (e instanceof DeadlinePassed passed) {
                    return passed;
                }
                DeadlinePassed passed = new DeadlinePassed();
                passed.initCause(e);
                return passed;
            }
            if (e instanceof IOException io) {
                return io;
            }
            throw (RuntimeException) e;
        }

        @Override
        public Reader asReader(Charset charset) throws IOException {
            return new InputStreamReader(asInputStream(), charset);
        }

        @Override
        public void close() throws IOException {
            ScheduledFuture<?> armed = expiry;
            if (armed != null) {
                armed.cancel(false);
            }
            body.close();
        }
    }
}
