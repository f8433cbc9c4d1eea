package org.smartcontainer.ui.authorize;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.apps.Consumer;
import org.smartcontainer.oauth.Approval;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthService;
import org.smartcontainer.oauth.PercentEncoding;
import org.smartcontainer.oauth.RequestTokenInfo;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.RecordSummary;
import org.smartcontainer.ui.launcher.PortalUser;

/**
 * The consent page of the three-legged dance (ui.md §4.12 with §7.3): claims the request token for the
 * signed-in account, names the app, its author, what it asks for and the patient; Approve redirects to
 * the registered callback with the verifier, Deny with {@code oauth_problem=user_refused}. An approval
 * the account already gave for this app and record is applied at once (the reference's {@code kind=same}).
 */
@Named
@ViewScoped
public class AuthorizationPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuthorizationPage.class.getName());

    @Inject
    private OAuthService oauth;

    @Inject
    private AppRegistry apps;

    @Inject
    private RecordStore records;

    @Inject
    private PortalUser user;

    private String token;
    private String userId;
    private String appId;
    private String appName;
    private String appAuthor;
    private String appDescription;
    private String appIcon;
    private String recordId;
    private String patientName;
    private String patientBirthDate;
    private final List<String> requests = new ArrayList<>();
    private boolean ready;
    private String outcome;

    /** The view action: claim and describe the token, or approve at once when the account approved before. */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() || ready) {
            return;
        }
        userId = user.userId();
        if (token == null || token.isBlank()) {
            error("This page needs an oauth_token: it is opened by an app asking for access.");
            return;
        }
        RequestTokenInfo info;
        try {
            oauth.claim(token, userId);
            info = oauth.info(token, userId);
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "Request token refused", e);
            error("This authorization request is unknown, has expired, or is being handled by another account.");
            return;
        }
        if (info.recordId() == null) {
            error("The token contains no record id.");
            return;
        }
        Optional<App> app = apps.find(info.appId());
        if (app.isEmpty()) {
            error("The token contains no app id.");
            return;
        }
        appId = info.appId();
        recordId = info.recordId();
        describe(app.get());
        Optional<RecordSummary> patient = records.summary(recordId);
        patientName = patient.map(RecordSummary::fullName).orElse("Unknown patient (" + recordId + ")");
        patientBirthDate = patient.map(RecordSummary::birthDate).orElse(null);
        if (info.alreadyShared()) {
            approve();
            return;
        }
        ready = true;
    }

    private void describe(App app) {
        JsonObject manifest = app.getManifestJson();
        appName = app.getName() == null || app.getName().isBlank() ? "Unnamed app" : app.getName();
        appDescription = app.getDescription();
        appAuthor = manifest.getString("author", null);
        String icon = manifest.getString("icon", null);
        appIcon = icon != null && (icon.startsWith("https://") || icon.startsWith("http://")) ? icon : null;
        JsonValue requires = manifest.get("requires");
        if (requires instanceof JsonObject needs) {
            needs.forEach((type, detail) -> {
                String methods = "";
                if (detail instanceof JsonObject d && d.get("methods") != null
                        && d.get("methods").getValueType() == JsonValue.ValueType.ARRAY) {
                    methods = d.getJsonArray("methods").getValuesAs(JsonValue.class).stream()
                            .map(v -> v.toString().replace("\"", "")).map(AuthorizationPage::verb)
                            .distinct().reduce((a, b) -> a + ", " + b).orElse("");
                }
                requests.add(shortName(type) + (methods.isEmpty() ? "" : " (" + methods + ")"));
            });
        }
    }

    private static String shortName(String type) {
        int cut = Math.max(type.lastIndexOf('#'), type.lastIndexOf('/'));
        String name = cut >= 0 && cut < type.length() - 1 ? type.substring(cut + 1) : type;
        return name.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    private static String verb(String method) {
        return switch (method) {
            case "GET" -> "read";
            case "POST", "PUT" -> "write";
            case "DELETE" -> "delete";
            default -> method;
        };
    }

    /** Approve: the verifier goes to the app's registered callback. */
    public void approve() throws IOException {
        try {
            Approval approval = oauth.approve(token, AccountPrincipal.of(userId), null);
            outcome = "approved";
            FacesContext.getCurrentInstance().getExternalContext().redirect(approval.location());
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "Approval refused", e);
            ready = false;
            error(e.reason() == OAuthException.Reason.NO_CALLBACK
                    ? "The app registered no oauth_callback, so it cannot receive your approval."
                    : "The approval was refused: this request is no longer valid.");
        }
    }

    /** Deny: the request token is released and the app is told {@code oauth_problem=user_refused}. */
    public void deny() throws IOException {
        String callback = apps.consumer(appId).map(Consumer::oauthCallback).orElse(null);
        try {
            oauth.deny(token, userId);
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "Deny of an unknown token", e);
        }
        ready = false;
        outcome = "denied";
        if (callback == null) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "You denied " + appName + " access. You may close this window.", null));
            return;
        }
        FacesContext.getCurrentInstance().getExternalContext().redirect(callback + (callback.contains("?") ? "&" : "?")
                + "oauth_token=" + PercentEncoding.encode(token) + "&oauth_problem=user_refused");
    }

    private void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getOauthToken() {
        return token;
    }

    public void setOauthToken(String oauthToken) {
        if (!ready) {
            this.token = oauthToken;
        }
    }

    public boolean isReady() {
        return ready;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getAppId() {
        return appId;
    }

    public String getAppName() {
        return appName;
    }

    public String getAppAuthor() {
        return appAuthor;
    }

    public String getAppDescription() {
        return appDescription;
    }

    public String getAppIcon() {
        return appIcon;
    }

    public String getPatientName() {
        return patientName;
    }

    public String getPatientBirthDate() {
        return patientBirthDate;
    }

    public List<String> getRequests() {
        return requests;
    }
}
