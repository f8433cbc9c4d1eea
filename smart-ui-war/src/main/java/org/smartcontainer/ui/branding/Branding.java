package org.smartcontainer.ui.branding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's name, logo, colour and sign-in message from MicroProfile Config
 * ({@code smart.portal.name}, {@code smart.portal.logo-url}, {@code smart.portal.primary-color},
 * {@code smart.portal.login-message}), read on every use, so a change needs no rebuild. Unsafe values are
 * ignored (with a warning in the server log) and the defaults apply; pages escape every text.
 */
@Named
@ApplicationScoped
public class Branding {

    private static final Logger LOG = Logger.getLogger(Branding.class.getName());

    /** The unsafe value last warned about, per key: warn once per value, not on every page. */
    private final ConcurrentHashMap<String, String> warned = new ConcurrentHashMap<>();

    /** The portal's name in the header and window titles. */
    public String getName() {
        String name = BrandingValues.text(value("smart.portal.name"), 80);
        return name.isEmpty() ? BrandingValues.DEFAULT_NAME : name;
    }

    /** The logo's URL, or empty when none (or an unsafe one) is configured. */
    public String getLogoUrl() {
        String configured = value("smart.portal.logo-url");
        return BrandingValues.logoUrl(configured).orElseGet(() -> {
            warnOnce("smart.portal.logo-url", configured, "only http(s) URLs and paths on this server are allowed");
            return "";
        });
    }

    /** The header colour, {@code #rrggbb}. */
    public String getPrimaryColor() {
        String configured = value("smart.portal.primary-color");
        return BrandingValues.primaryColor(configured).orElseGet(() -> {
            warnOnce("smart.portal.primary-color", configured,
                    "it must be #rgb or #rrggbb with contrast of at least 4.5:1 to white text");
            return BrandingValues.DEFAULT_PRIMARY_COLOR;
        });
    }

    /** A message shown above the sign-in form, or empty. */
    public String getLoginMessage() {
        return BrandingValues.text(value("smart.portal.login-message"), 1000);
    }

    private void warnOnce(String key, String configured, String rule) {
        if (configured != null && !configured.isBlank() && !Objects.equals(warned.put(key, configured), configured)) {
            LOG.warning(() -> key + " ignored (the default applies): " + rule);
        }
    }

    private static String value(String key) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue(key, String.class).orElse(null);
    }
}
