/**
 * The SMART REST API surface derived from the ontology (api.md sections 2 and 3): {@link
 * org.smartcontainer.api.routing.ApiRouter} turns every {@code api:Call} into a route with a {@link
 * org.smartcontainer.api.routing.Handler} (generic record handlers, or the explicit table of special ones),
 * matches requests (literal segments before variables, trailing-slash aliasing, 404/405) and computes the
 * manifest {@link org.smartcontainer.api.routing.Capabilities} from what is actually routed. Server
 * independent: the API core ({@link org.smartcontainer.api.core.ApiCore}) asks the router and dispatches on the
 * handler, whose constants also carry the route's facts (access-matrix category, patient data, proxy mode).
 */
package org.smartcontainer.api.routing;
