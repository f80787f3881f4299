package org.openhumanitec.events.feign.internal;

import feign.Client;

/**
 * A transport ready to send requests.
 *
 * @param client the Feign client that sends them
 * @param resources what closing the Humanitec client releases (the connection pool the transport created), or
 *     null when the transport holds nothing of its own, as with a client the user passed in
 * @param abort how the transport abandons a response body another thread is reading, when the call's deadline
 *     passes
 * @param readTimeoutBoundsEachRead whether the transport fails every read of a body that waits longer than the
 *     attempt's read timeout, so the {@link DeadlineClient} need arm its timer only once the deadline is nearer
 *     than that
 */
record OpenTransport(
        Client client, AutoCloseable resources, DeadlineClient.Abort abort, boolean readTimeoutBoundsEachRead) {}
