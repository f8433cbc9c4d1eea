package org.smartcontainer.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppOriginTest {

    @Test
    void originIsSchemeHostAndPortInLowerCase() {
        assertEquals(Optional.of("https://apps.example.org:8443"), AppOrigin.of("HTTPS://Apps.Example.ORG:8443/med-list/index.html?x=1"));
    }

    @Test
    void defaultPortsAreDroppedAsTheBrowserReportsThem() {
        assertEquals(Optional.of("http://apps.example.org"), AppOrigin.of("http://apps.example.org:80/index.html"));
        assertEquals(Optional.of("https://apps.example.org"), AppOrigin.of("https://apps.example.org:443/index.html"));
        assertEquals(Optional.of("http://apps.example.org:443"), AppOrigin.of("http://apps.example.org:443/"));
    }

    @Test
    void onlyHttpAndHttpsAppsAreFramed() {
        assertTrue(AppOrigin.of("smartapp://launch").isEmpty());
        assertTrue(AppOrigin.of("javascript:alert(1)").isEmpty());
        assertTrue(AppOrigin.of("file:///etc/passwd").isEmpty());
        assertTrue(AppOrigin.of("/relative/index.html").isEmpty());
        assertTrue(AppOrigin.of("").isEmpty());
        assertTrue(AppOrigin.of(null).isEmpty());
        assertTrue(AppOrigin.of("http://user:pw@evil.example/").isEmpty());
    }

    @Test
    void launchUrlAddsApiBaseAndRecordWithTheRightSeparator() {
        assertEquals("http://a.example/app/index.html?api_base=http%3A%2F%2Fc.example%2Fapi&record_id=2169591",
                LaunchUrl.of("http://a.example/app/index.html", "http://c.example/api", "2169591"));
        assertEquals("http://a.example/app/?lang=en&api_base=http%3A%2F%2Fc.example%2Fapi&record_id=a%20b#top",
                LaunchUrl.of("http://a.example/app/?lang=en#top", "http://c.example/api", "a b"));
    }

    @Test
    void containerScopeLaunchUrlHasNoRecord() {
        assertEquals("http://a.example/?api_base=http%3A%2F%2Fc.example%2Fapi", LaunchUrl.of("http://a.example/", "http://c.example/api", null));
    }
}
