/**
 * The application's edge: every request to any of the EAR's web modules (API, portal, sample apps) is
 * checked against the documented {@link org.smartcontainer.edge.InputLimits} before it reaches a servlet,
 * a service, the database or the log, and refused with a short 4xx otherwise ({@link
 * org.smartcontainer.edge.InputEdgeFilter}); log lines that quote request input cut it ({@link
 * org.smartcontainer.edge.LoggedInput}). Listener-level limits (the server's own header and post sizes)
 * are server configuration and come on top. The same filter is the door of the application's {@link
 * org.smartcontainer.edge.RequestGate}: when the application stops, {@link org.smartcontainer.edge.RequestDrain}
 * closes it (new requests get {@code 503}) and waits for the requests in flight before the audit trail and the
 * record store close.
 */
package org.smartcontainer.edge;
