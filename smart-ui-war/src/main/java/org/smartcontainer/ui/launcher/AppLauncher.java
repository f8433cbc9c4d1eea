package org.smartcontainer.ui.launcher;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.ui.connect.AppOrigin;
import org.smartcontainer.ui.connect.ConnectSession;
import org.smartcontainer.ui.patients.CurrentPatient;

/**
 * The app launcher beside the patient picker: the apps the signed-in account has enabled, and the
 * configuration the SMART Connect host script starts from (user, patient, apps, anti-CSRF token).
 */
@Named
@RequestScoped
public class AppLauncher {

    /** How many apps may be open at once on the portal page. */
    public static final String MAX_OPEN = "smart.portal.max-open-apps";

    @EJB
    private AppRegistry apps;

    @Inject
    private PortalUser user;

    @Inject
    private CurrentPatient patient;

    @Inject
    private FacesContext faces;

    @Inject
    @ConfigProperty(name = MAX_OPEN, defaultValue = "8")
    int maxOpen;

    private List<App> enabled;

    /** The account's enabled apps that can run in a frame, by name. */
    public List<LauncherApp> getApps() {
        return enabledApps().stream().map(LauncherApp::new).toList();
    }

    private List<App> enabledApps() {
        if (enabled == null) {
            enabled = user.userId() == null ? List.of() : apps.enabledFor(user.userId()).stream()
                    .filter(a -> a.getKind().isUiApp())
                    .sorted(Comparator.comparing(a -> a.getName().toLowerCase()))
                    .toList();
        }
        return enabled;
    }

    /** The host script's start configuration, as JSON for a {@code <script type="application/json">}. */
    public String getConfigJson() {
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(true);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (App app : enabledApps()) {
            JsonObject manifest = app.getManifestJson();
            list.add(Json.createObjectBuilder().add("id", app.getId()).add("name", app.getName())
                    .add("framed", !manifest.getBoolean("standalone", false)
                            && AppOrigin.of(manifest.getString("index", null)).isPresent())
                    .add("manifest", manifest));
        }
        JsonObjectBuilder config = Json.createObjectBuilder()
                .add("user", Json.createObjectBuilder().add("id", user.userId()).add("full_name", user.fullName()))
                .add("csrf", ConnectSession.of(session).csrfToken())
                .add("max_open", maxOpen)
                .add("apps", list);
        if (patient.isChosen()) {
            config.add("record", Json.createObjectBuilder().add("id", patient.getPatient().getRecordId())
                    .add("full_name", patient.getPatient().getFullName()));
        }
        // "</" would end the script element the JSON is written into.
        return config.build().toString().replace("</", "<\\/");
    }

    /** One launcher entry. */
    public static final class LauncherApp {
        private final App app;

        LauncherApp(App app) {
            this.app = app;
        }

        public String getId() {
            return app.getId();
        }

        public String getName() {
            return app.getName();
        }

        public String getDescription() {
            return app.getDescription();
        }

        public String getIcon() {
            JsonObject manifest = app.getManifestJson();
            String icon = manifest.getString("icon", null);
            return AppOrigin.of(icon).isPresent() ? icon : null;
        }

        public boolean isContainerScope() {
            return "container".equals(app.getManifestJson().getString("scope", "record"));
        }
    }
}
