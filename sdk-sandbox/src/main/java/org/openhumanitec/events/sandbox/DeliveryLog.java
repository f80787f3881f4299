package org.openhumanitec.events.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The last {@value #KEPT} deliveries of each webhook, oldest first, kept until {@link #clear()}. */
final class DeliveryLog {

    /** How many deliveries are kept per webhook: {@value}. */
    static final int KEPT = 20;

    private final ConcurrentMap<Key, Deque<Delivery>> deliveries = new ConcurrentHashMap<>();

    void record(String orgId, String appId, Delivery delivery) {
        Deque<Delivery> kept =
                deliveries.computeIfAbsent(new Key(orgId, appId, delivery.jobId()), key -> new ArrayDeque<>());
        synchronized (kept) {
            if (kept.size() == KEPT) {
                kept.removeFirst();
            }
            kept.addLast(delivery);
        }
    }

    List<Delivery> of(String orgId, String appId, String jobId) {
        Deque<Delivery> kept = deliveries.get(new Key(orgId, appId, jobId));
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    void clear() {
        deliveries.clear();
    }

    private record Key(String orgId, String appId, String jobId) {}
}
