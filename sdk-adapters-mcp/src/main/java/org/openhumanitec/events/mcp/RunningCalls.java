package org.openhumanitec.events.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The tool calls in progress, by session and JSON-RPC request id, so that a client's {@code notifications/cancelled}
 * reaches the call it names. A cancelled call:
 *
 * <ul>
 *   <li>is no longer waited for: its result completes empty at once, and the MCP SDK sends no answer for an empty
 *       result (the request's event stream just ends);
 *   <li>has its thread interrupted, which a {@code HumanitecClient} takes as the end of its retries (it makes no
 *       further attempt); an answer that arrives anyway is dropped.
 * </ul>
 *
 * <p>A call runs on Reactor's bounded elastic scheduler, as the SDK runs a synchronous tool. A call without a session
 * or request id (the stateless transport, where a cancel cannot be tied to a caller) simply runs.
 */
final class RunningCalls {

    private final Map<Key, Running> running = new ConcurrentHashMap<>();

    private record Key(String sessionId, String requestId) {}

    /**
     * Runs a call that a cancel may end.
     *
     * @param sessionId the MCP session, or null
     * @param requestId the request's JSON-RPC id as JSON text (such as {@code 7} or {@code "a"}), or null
     * @param call the call
     * @param <T> what it returns
     * @return its result, or empty once cancelled
     */
    <T> Mono<T> run(String sessionId, String requestId, Supplier<T> call) {
        if (sessionId == null || requestId == null) {
            return Mono.fromSupplier(call).subscribeOn(Schedulers.boundedElastic());
        }
        return Mono.defer(() -> {
            Key key = new Key(sessionId, requestId);
            Running cancellable = new Running();
            running.put(key, cancellable);
            return Mono.fromSupplier(() -> cancellable.run(call))
                    .subscribeOn(Schedulers.boundedElastic())
                    .takeUntilOther(cancellable.cancelled.asMono())
                    .doFinally(signal -> running.remove(key, cancellable));
        });
    }

    /**
     * Cancels a call in progress.
     *
     * @param sessionId the session the cancel came in
     * @param requestId the id it names, as JSON text
     * @return whether a call of that session and id was in progress
     */
    boolean cancel(String sessionId, String requestId) {
        Running cancelled = running.remove(new Key(sessionId, requestId));
        if (cancelled == null) {
            return false;
        }
        cancelled.cancel();
        return true;
    }

    /** One call: the thread running it, while it runs, and whether it was cancelled. */
    private static final class Running {
        private final Sinks.One<Boolean> cancelled = Sinks.one();
        private Thread thread;
        private boolean isCancelled;

        /** Runs the call on this thread; null (no result) if it was cancelled before or during it. */
        <T> T run(Supplier<T> call) {
            synchronized (this) {
                if (isCancelled) {
                    return null;
                }
                thread = Thread.currentThread();
            }
            try {
                T result = call.get();
                synchronized (this) {
                    return isCancelled ? null : result;
                }
            } finally {
                synchronized (this) {
                    thread = null;
                }
                // An interrupt aimed at this call must not reach the next task of this pooled thread.
                Thread.interrupted();
            }
        }

        void cancel() {
            synchronized (this) {
                isCancelled = true;
                if (thread != null) {
                    thread.interrupt();
                }
            }
            cancelled.tryEmitValue(Boolean.TRUE);
        }
    }
}
