/**
 * The public OAuth 1.0a token endpoints ({@code /oauth/request_token}, {@code /oauth/access_token}) and
 * the translation of JAX-RS requests into {@link org.smartcontainer.oauth.OAuthRequest}s, which the
 * API's authorization point reuses.
 */
package org.smartcontainer.api.oauth;
