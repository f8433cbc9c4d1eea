package org.smartcontainer.api.core;

/**
 * Proxy mode: record reads the core has admitted are answered by the hospital's EHR instead of the record store
 * (see {@link org.smartcontainer.api.routing.Handler.InProxyMode}). A CDI bean the core looks up.
 */
public interface EhrForwarding {

    /** Whether record reads go to an EHR. */
    boolean enabled();

    /** The EHR's answer to an admitted record read. */
    ApiAnswer forward(ApiRequest request);
}
