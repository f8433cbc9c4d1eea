package org.smartcontainer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Self-registration stays off unless a known setting says otherwise. */
class PortalSettingsTest {

    @Test
    void noStoredSettingMeansRegistrationIsOff() {
        assertEquals(Registration.off, PortalSettings.parse(null));
    }

    @Test
    void anUnknownStoredValueCountsAsOff() {
        assertEquals(Registration.off, PortalSettings.parse("yes please"));
        assertEquals(Registration.off, PortalSettings.parse("OPEN"));
    }

    @Test
    void storedValuesAreReadBack() {
        for (Registration r : Registration.values()) {
            assertEquals(r, PortalSettings.parse(r.name()));
        }
    }
}
