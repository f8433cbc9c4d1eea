package org.smartcontainer.ui.standalone;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.records.RecordQuery;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.RecordSummary;
import org.smartcontainer.ui.connect.AppOrigin;
import org.smartcontainer.ui.connect.LaunchUrl;
import org.smartcontainer.ui.connect.PortalUrls;

/**
 * The record chooser for an app launched from outside (ui.md §4.11): pick a patient, and the whole
 * window goes to the app's index with {@code record_id} and {@code api_base}; the app then asks for
 * its own tokens (the three-legged dance).
 */
@Named
@ViewScoped
public class RecordChooser implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 100;

    @Inject
    private AppRegistry apps;

    @Inject
    private RecordStore records;

    @Inject
    private PortalUrls urls;

    private String appId;
    private String appName;
    private String index;
    private String apiBase;
    private String filter;
    private boolean ready;

    /** The view action: the app must exist and have a start URL. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() || ready) {
            return;
        }
        Optional<App> app = appId == null ? Optional.empty() : apps.find(appId).filter(a -> a.getKind().isUiApp());
        if (app.isEmpty()) {
            error("The app \"" + (appId == null ? "" : appId) + "\" does not exist.");
            return;
        }
        appName = app.get().getName();
        String start = app.get().getManifestJson().getString("index", null);
        if (start == null || !launchable(start)) {
            error("The app \"" + appName + "\" has no start URL.");
            return;
        }
        index = start;
        apiBase = urls.apiBase((HttpServletRequest) faces.getExternalContext().getRequest());
        ready = true;
    }

    /** http(s), or a native app's own scheme; never script or data URLs. */
    static boolean launchable(String url) {
        if (AppOrigin.of(url).isPresent()) {
            return true;
        }
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        return scheme.matches("[a-z][a-z0-9+.-]*") && !List.of("javascript", "data", "vbscript", "file", "blob").contains(scheme);
    }

    private void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** The records matching the filter (a prefix of the family or given name, or the birth year), by family name. */
    public List<Choice> getRecords() {
        if (!ready) {
            return List.of();
        }
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        return records.search(RecordQuery.all()).stream()
                .filter(r -> f.isEmpty() || lower(r.familyName()).startsWith(f) || lower(r.givenName()).startsWith(f)
                        || (r.birthDate() != null && r.birthDate().startsWith(f) && f.length() == 4))
                .limit(MAX_SHOWN)
                .map(r -> new Choice(r, LaunchUrl.of(index, apiBase, r.recordId())))
                .toList();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    public String getApp() {
        return appId;
    }

    public void setApp(String app) {
        if (!ready) {
            this.appId = app;
        }
    }

    public String getAppName() {
        return appName;
    }

    public boolean isReady() {
        return ready;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    /** One patient to choose. */
    public static final class Choice implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String recordId;
        private final String label;
        private final String birthDate;
        private final String age;
        private final String sexSymbol;
        private final String url;

        Choice(RecordSummary r, String url) {
            this.recordId = r.recordId();
            this.label = (r.familyName() == null ? "" : r.familyName()) + ", " + (r.givenName() == null ? "" : r.givenName());
            this.birthDate = r.birthDate();
            this.age = age(r.birthDate());
            this.sexSymbol = "female".equalsIgnoreCase(r.gender()) ? "♀" : "male".equalsIgnoreCase(r.gender()) ? "♂" : "?";
            this.url = url;
        }

        private static String age(String birthDate) {
            try {
                return birthDate == null || birthDate.length() < 10 ? ""
                        : Period.between(LocalDate.parse(birthDate.substring(0, 10)), LocalDate.now()).getYears() + " y";
            } catch (DateTimeParseException e) {
                return "";
            }
        }

        public String getRecordId() {
            return recordId;
        }

        public String getLabel() {
            return label;
        }

        public String getBirthDate() {
            return birthDate;
        }

        public String getAge() {
            return age;
        }

        public String getSexSymbol() {
            return sexSymbol;
        }

        public String getUrl() {
            return url;
        }
    }
}
