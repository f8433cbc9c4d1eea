package org.smartcontainer.ui.account;

import jakarta.security.enterprise.credential.Credential;

/** "Let this visitor in as the showcase account": accepted only by {@link ShowcaseIdentityStore}, only while showcase mode is on. */
final class ShowcaseCredential implements Credential {
}
