package org.smartcontainer.ui.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A consumer secret just generated (install or rotation), kept only for the response of that one request:
 * the page shows it once, and no later page can show it again.
 */
@Named
@RequestScoped
public class RevealedSecret {

    private String appId;
    private String secret;

    void reveal(String appId, String secret) {
        this.appId = appId;
        this.secret = secret;
    }

    public boolean isShown() {
        return secret != null;
    }

    public String getAppId() {
        return appId;
    }

    public String getSecret() {
        return secret;
    }
}
