/**
 * The SMART API as one service both fronts call: {@link org.smartcontainer.api.core.ApiCore} takes an
 * {@link org.smartcontainer.api.core.ApiInvocation} (from the JAX-RS resource of {@code /api}, or in-process from
 * the portal's SMART Connect passthrough) and returns an {@link org.smartcontainer.api.core.ApiAnswer}: routed
 * once, authenticated, authorized by {@link org.smartcontainer.oauth.AccessPolicy}, dispatched to the
 * {@link org.smartcontainer.api.core.RouteHandler} of the route, represented, cached and audited. The handlers
 * ({@code api.records}, {@code api.appdata}, {@code api.users}, {@code api.container}) depend on this package; it
 * finds them through CDI and never names them.
 */
package org.smartcontainer.api.core;
