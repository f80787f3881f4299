package org.openhumanitec.events.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The webhooks of every organization. Each organization keeps its webhooks in one map keyed by id, because ids are
 * unique across all its apps, in creation order, behind its own read-write lock: a check-then-act such as "add
 * unless the id is taken" is atomic, reads run in parallel, and organizations never wait for each other. Only
 * {@link #add} creates an organization's entry, so reads of unknown organizations leave nothing behind. This class
 * knows nothing of HTTP errors: it answers with booleans and optionals.
 */
final class WebhookStore {

    private final ConcurrentMap<String, Org> orgs = new ConcurrentHashMap<>();

    /** Adds a webhook to an app; false, and nothing changes, when a job of the organization has its id. */
    boolean add(String orgId, String appId, Webhook webhook) {
        return orgs.computeIfAbsent(orgId, id -> new Org())
                .write(jobs -> jobs.putIfAbsent(webhook.id(), new Job(appId, webhook)) == null);
    }

    /** A webhook of an app; empty if the app has none with this id. */
    Optional<Webhook> find(String orgId, String appId, String jobId) {
        return read(
                orgId,
                Optional.empty(),
                jobs -> Optional.ofNullable(jobOf(jobs, appId, jobId)).map(Job::webhook));
    }

    /** The webhooks of an app in creation order, unmodifiable. */
    List<Webhook> list(String orgId, String appId) {
        return read(
                orgId,
                List.of(),
                jobs -> jobs.values().stream()
                        .filter(job -> job.appId().equals(appId))
                        .map(Job::webhook)
                        .toList());
    }

    /** Replaces a webhook of an app by what {@code change} makes of it, keeping its place; empty if there is none. */
    Optional<Webhook> replace(String orgId, String appId, String jobId, UnaryOperator<Webhook> change) {
        return write(orgId, Optional.empty(), jobs -> {
            Job job = jobOf(jobs, appId, jobId);
            if (job == null) {
                return Optional.empty();
            }
            Webhook changed = change.apply(job.webhook());
            jobs.put(jobId, new Job(appId, changed));
            return Optional.of(changed);
        });
    }

    /** Removes a webhook of an app; false if the app has none with this id. */
    boolean remove(String orgId, String appId, String jobId) {
        return write(orgId, false, jobs -> jobOf(jobs, appId, jobId) != null && jobs.remove(jobId) != null);
    }

    /** Removes every webhook of an app, and only of that app. */
    void removeApp(String orgId, String appId) {
        write(orgId, false, jobs -> jobs.values().removeIf(job -> job.appId().equals(appId)));
    }

    /**
     * Removes everything. An operation running at the same time may still act on the state from before, as if it
     * had happened just before the reset.
     */
    void clear() {
        orgs.clear();
    }

    private <T> T read(String orgId, T ifUnknown, Function<Map<String, Job>, T> action) {
        Org org = orgs.get(orgId);
        return org == null ? ifUnknown : org.read(action);
    }

    private <T> T write(String orgId, T ifUnknown, Function<Map<String, Job>, T> action) {
        Org org = orgs.get(orgId);
        return org == null ? ifUnknown : org.write(action);
    }

    private static Job jobOf(Map<String, Job> jobs, String appId, String jobId) {
        Job job = jobs.get(jobId);
        return job != null && job.appId().equals(appId) ? job : null;
    }

    /** A webhook and the app that holds it. */
    private record Job(String appId, Webhook webhook) {}

    /** One organization's jobs by id, in creation order, and the lock that guards them. */
    private static final class Org {
        private final Map<String, Job> jobs = new LinkedHashMap<>();
        private final ReadWriteLock lock = new ReentrantReadWriteLock();

        <T> T read(Function<Map<String, Job>, T> action) {
            return locked(lock.readLock(), action);
        }

        <T> T write(Function<Map<String, Job>, T> action) {
            return locked(lock.writeLock(), action);
        }

        private <T> T locked(Lock held, Function<Map<String, Job>, T> action) {
            held.lock();
            try {
                return action.apply(jobs);
            } finally {
                held.unlock();
            }
        }
    }
}
