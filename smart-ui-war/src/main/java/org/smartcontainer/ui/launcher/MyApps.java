package org.smartcontainer.ui.launcher;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;

/**
 * "Manage apps" (ui.md §4.8): every UI app of the container, enabled ones first; the account adds or
 * removes apps from its launcher. Removing an app also revokes this account's approvals and tokens for it.
 */
@Named
@RequestScoped
public class MyApps {

    @EJB
    private AppRegistry apps;

    @Inject
    private PortalUser user;

    /** Every UI app with whether it is in this account's launcher, enabled first, then by name. */
    public List<AppChoice> getApps() {
        String me = user.userId();
        Set<String> on = apps.enabledFor(me).stream().map(App::getId).collect(Collectors.toSet());
        return apps.list().stream().filter(a -> a.getKind().isUiApp())
                .map(a -> new AppChoice(a, on.contains(a.getId())))
                .sorted(Comparator.comparing((AppChoice c) -> !c.isEnabled()).thenComparing(c -> c.getName().toLowerCase()))
                .toList();
    }

    public void add(String appId) {
        apps.enable(user.userId(), appId);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Added to your apps.", null));
    }

    public void remove(String appId) {
        apps.disable(user.userId(), appId);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Removed from your apps; its approvals were revoked.", null));
    }

    /** One app and whether this account has it. */
    public static final class AppChoice {
        private final App app;
        private final boolean enabled;

        AppChoice(App app, boolean enabled) {
            this.app = app;
            this.enabled = enabled;
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

        public boolean isEnabled() {
            return enabled;
        }
    }
}
