package org.smartcontainer.ui.authorize;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.oauth.OAuthService;
import org.smartcontainer.oauth.Share;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.RecordSummary;
import org.smartcontainer.ui.launcher.PortalUser;

/** "My approvals": the apps the signed-in account let act on which patients, each revocable. */
@Named
@RequestScoped
public class MyApprovals {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @EJB
    private OAuthService oauth;

    @EJB
    private AppRegistry apps;

    @Inject
    private RecordStore records;

    @Inject
    private PortalUser user;

    private List<ApprovalRow> rows;

    /** The account's consents, newest first. */
    public List<ApprovalRow> getApprovals() {
        if (rows == null) {
            rows = user.userId() == null ? List.of() : oauth.consentsOf(user.userId()).stream().map(this::row).toList();
        }
        return rows;
    }

    private ApprovalRow row(Share share) {
        String app = apps.find(share.getAppId()).map(App::getName).orElse(share.getAppId());
        String patient = share.getRecordId() == null ? "All patients (no record)"
                : records.summary(share.getRecordId()).map(RecordSummary::fullName).orElse(share.getRecordId());
        return new ApprovalRow(share.getId(), share.getAppId(), app, patient, WHEN.format(share.getAuthorizedAt()));
    }

    /** Withdraws one consent: its tokens stop working at once. */
    public void revoke(String shareId) {
        boolean done = oauth.revokeConsent(user.userId(), shareId);
        FacesContext.getCurrentInstance().addMessage(null, done
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, "Approval revoked.", null)
                : new FacesMessage(FacesMessage.SEVERITY_WARN, "That approval no longer exists.", null));
        rows = null;
    }

    /** One row of the page. */
    public static final class ApprovalRow {
        private final String id;
        private final String appId;
        private final String appName;
        private final String patient;
        private final String since;

        ApprovalRow(String id, String appId, String appName, String patient, String since) {
            this.id = id;
            this.appId = appId;
            this.appName = appName;
            this.patient = patient;
            this.since = since;
        }

        public String getId() {
            return id;
        }

        public String getAppId() {
            return appId;
        }

        public String getAppName() {
            return appName;
        }

        public String getPatient() {
            return patient;
        }

        public String getSince() {
            return since;
        }
    }
}
