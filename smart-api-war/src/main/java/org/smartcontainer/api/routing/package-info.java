/**
 * The SMART REST API surface derived from the ontology (api.md sections 2 and 3): {@link
 * org.smartcontainer.api.routing.ApiRouter} turns every {@code api:Call} into a route with a {@link
 * org.smartcontainer.api.routing.Handler} (generic record handlers, or the explicit table of special ones),
 * matches requests (literal segments before variables, trailing-slash aliasing, 404/405) and computes the
 * manifest {@link org.smartcontainer.api.routing.Capabilities} from what is actually routed. Server
 * independent: a JAX-RS resource asks the router and dispatches on the handler.
 */
package org.smartcontainer.api.routing;
