/**
 * The sample apps web application ({@code /sample-apps}): the SMART Connect client library (generated
 * from the ontology), the browser apps (static folders under the web root), a REST app that does the
 * OAuth 1.0a dance over HTTP, and a background refill monitor that uses the helper-token loop. Every
 * app is registered in the container's app registry on the first start ({@code catalog}).
 */
package org.smartcontainer.sampleapps;
