/**
 * The OAuth 1.0a provider of the SMART API: request parsing and HMAC-SHA1 signatures (RFC 5849),
 * timestamps and nonces, request and access tokens, the principals a request resolves to and the
 * access decision that the API's single authorization point asks.
 *
 * <p>The logic lives in plain classes ({@link org.smartcontainer.oauth.OAuthVerifier},
 * {@link org.smartcontainer.oauth.OAuthDance}, {@link org.smartcontainer.oauth.AccessPolicy}) that run
 * without a server; the EJBs ({@link org.smartcontainer.oauth.OAuthService}) only bind them to JPA
 * and configuration.
 */
package org.smartcontainer.oauth;
