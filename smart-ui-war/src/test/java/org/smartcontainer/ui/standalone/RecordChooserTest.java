package org.smartcontainer.ui.standalone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordChooserTest {

    @Test
    void webAppsAndNativeAppSchemesCanBeStarted() {
        assertTrue(RecordChooser.launchable("https://apps.example.org/index.html"));
        assertTrue(RecordChooser.launchable("smart-app:///launch"));
    }

    @Test
    void scriptDataAndFileUrlsAreNeverLinked() {
        for (String bad : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x",
            "file:///etc/passwd", "/relative", "no scheme"}) {
            assertFalse(RecordChooser.launchable(bad), bad);
        }
    }
}
