package org.smartcontainer.sampleapps.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.apps.AppManifest;

class SampleAppsTest {

    @Test
    void everyManifestPassesTheRegistrysValidation() throws Exception {
        for (SampleApp app : SampleApps.all()) {
            AppManifest manifest = AppManifest.parse(app.manifest("http://localhost:8080/sample-apps").toString(), null, null);
            assertEquals(app.id(), manifest.id());
            assertEquals(app.background() ? AppKind.background : AppKind.ui, manifest.kind());
        }
    }

    @Test
    void thereAreAtLeastEightBrowserAppsEnabledByDefaultBesideTheRestAndBackgroundApps() {
        Set<String> ui = SampleApps.all().stream().filter(a -> !a.background() && a.oauthCallback() == null)
                .filter(SampleApp::enabledByDefault).map(SampleApp::id).collect(Collectors.toSet());
        assertTrue(ui.size() >= 8, ui.toString());
        assertTrue(SampleApps.all().stream().anyMatch(a -> a.id().equals(SampleApps.REST_APP) && a.oauthCallback() != null));
        assertTrue(SampleApps.all().stream().anyMatch(a -> a.id().equals(SampleApps.REFILL_MONITOR) && a.background()));
    }

    @Test
    void urlsLiveUnderTheBase() {
        var manifest = SampleApps.all().get(0).manifest("https://smart.example.org/sample-apps");
        assertEquals("https://smart.example.org/sample-apps/med-list/", manifest.getString("index"));
        assertEquals("https://smart.example.org/sample-apps/med-list/icon.svg", manifest.getString("icon"));
        var background = SampleApps.all().stream().filter(SampleApp::background).findFirst().orElseThrow()
                .manifest("https://smart.example.org/sample-apps");
        assertFalse(background.containsKey("index"));
    }

    @Test
    void theHttpPortIsReadFromTheServerConfigOfADomainXml() {
        String xml = """
                <domain><configs>
                <config name="server-config"><network-config><network-listeners>
                  <network-listener port="44181" protocol="http-listener-2" name="http-listener-2"></network-listener>
                  <network-listener port="44080" protocol="http-listener-1" transport="tcp" name="http-listener-1"></network-listener>
                </network-listeners></network-config></config>
                <config name="default-config"><network-listener port="${HTTP_LISTENER_PORT}" name="http-listener-1"/></config>
                </configs></domain>""";
        assertEquals(Optional.of(44080), AppsBaseUrl.portIn(xml));
        assertEquals(Optional.empty(), AppsBaseUrl.portIn("<domain/>"));
    }
}
