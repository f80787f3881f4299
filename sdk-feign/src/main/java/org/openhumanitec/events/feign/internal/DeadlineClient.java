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
 * was closed, abandons the body under the reader the way the transport allows ({@link Abort}: OkHttp and the JDK
 * client close it, Apache HttpClient 5 aborts its connection, since closing would first read the rest). The
 * reader's read then fails with {@link DeadlinePassed} (a {@link SocketTimeoutException}, so the client reports a
 * {@code NetworkTimeoutException}). Reaching the response is bounded by the attempt's read timeout, which the retry
 * layer shortens to what is left of the call. Closing the body in time cancels the timer.
 */
final class DeadlineClient implements Client, AutoCloseable {

    /** How a transport abandons a body that another thread may be reading. */
    @FunctionalInterface
    interface Abort {
        /**
         * Abandons the body.
         *
         * @param body the transport's body
         * @param stream the stream the reader got from it, or null if it has not asked for one yet
         * @throws IOException if abandoning fails
         */
        void abort(Response.Body body, InputStream stream) throws IOException;
    }

    /** Closing the body: enough for OkHttp and the JDK client, whose blocked read then fails. */
    static final Abort CLOSE = (body, stream) -> body.close();

    private final Client delegate;
    private final Abort abort;
    private final RetryClock clock;
    private final ScheduledThreadPoolExecutor timer;

    /**
     * A client.
     *
     * @param delegate the transport's client
     * @param abort how the transport abandons a body being read
     * @param clock the clock the deadlines are measured on
     */
    DeadlineClient(Client delegate, Abort abort, RetryClock clock) {
        this.delegate = delegate;
        this.abort = abort;
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
        if (!(options instanceof AttemptOptions attempt) || response.body() == null) {
            return response;
        }
        DeadlineBody body = new DeadlineBody(response.body(), abort);
        body.arm(timer.schedule(body::expire, attempt.deadlineNanos() - clock.nanoTime(), TimeUnit.NANOSECONDS));
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
    private static final class DeadlineBody implements Response.Body {
        private final Response.Body body;
        private final Abort abort;
        private volatile InputStream stream;
        private volatile ScheduledFuture<?> expiry;
        private volatile boolean expired;

        DeadlineBody(Response.Body body, Abort abort) {
            this.body = body;
            this.abort = abort;
        }

        void arm(ScheduledFuture<?> expiry) {
            this.expiry = expiry;
        }

        void expire() {
            expired = true;
            try {
                abort.abort(body, stream);
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
                        checked(0);
                        return checked(super.read());
                    } catch (IOException | RuntimeException e) {
                        throw rethrown(e);
                    }
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    try {
                        checked(0);
                        return checked(super.read(buffer, offset, length));
                    } catch (IOException | RuntimeException e) {
                        throw rethrown(e);
                    }
                }
            };
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
