/**
 * The edge of the API's JAX-RS front: one routing table for the core's routes and the front's own resources,
 * and the filter that routes each request once, before anything else reads where it goes.
 */
package org.smartcontainer.api.front;
