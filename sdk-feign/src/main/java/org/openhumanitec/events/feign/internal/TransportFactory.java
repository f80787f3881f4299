package org.openhumanitec.events.feign.internal;

/** Builds one kind of transport. Implementations are loaded by name, after their libraries were found. */
interface TransportFactory {

    /**
     * Builds the transport.
     *
     * @param settings its timeouts
     * @return the transport and what closing it releases
     */
    OpenTransport open(TransportSettings settings);
}
