package org.smartcontainer.ui.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Configured branding is used only when it is safe and readable. */
class BrandingValuesTest {

    @Test
    void aDarkHexColourIsUsedInLowerCaseLongForm() {
        assertEquals(Optional.of("#7a1f5c"), BrandingValues.primaryColor("#7A1F5C"));
        assertEquals(Optional.of("#003366"), BrandingValues.primaryColor(" #036 "));
    }

    @Test
    void aColourTooLightForWhiteTextIsRefused() {
        assertEquals(Optional.empty(), BrandingValues.primaryColor("#ffff00"));
        assertEquals(Optional.empty(), BrandingValues.primaryColor("#77aaff"));
    }

    @Test
    void anythingButAHexColourIsRefusedSoItCannotBreakOutOfTheStylesheet() {
        for (String bad : new String[] {"red", "#12345", "#1234567", "#000; } body { display:none", "rgb(0,0,0)",
            "expression(alert(1))", "", null}) {
            assertEquals(Optional.empty(), BrandingValues.primaryColor(bad), String.valueOf(bad));
        }
    }

    @Test
    void theDefaultColourMeetsWcagAaWithWhiteText() {
        assertTrue(BrandingValues.contrastWithWhite(BrandingValues.DEFAULT_PRIMARY_COLOR) >= BrandingValues.AA_CONTRAST);
        assertEquals(21.0, BrandingValues.contrastWithWhite("#000000"), 0.01);
        assertEquals(1.0, BrandingValues.contrastWithWhite("#ffffff"), 0.01);
    }

    @Test
    void aLogoMustBeAnHttpUrlOrAPathOnThisServer() {
        assertEquals(Optional.of("https://cdn.example.org/logo.png"), BrandingValues.logoUrl("https://cdn.example.org/logo.png"));
        assertEquals(Optional.of("/resources/logo.svg"), BrandingValues.logoUrl("/resources/logo.svg"));
        for (String bad : new String[] {"javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example.org/x.png",
            "logo.png", "file:///etc/passwd", "https://", " "}) {
            assertEquals(Optional.empty(), BrandingValues.logoUrl(bad), bad);
        }
    }

    @Test
    void textsAreTrimmedAndCut() {
        assertEquals("Hospital", BrandingValues.text("  Hospital  ", 80));
        assertEquals("abc", BrandingValues.text("abcdef", 3));
        assertEquals("", BrandingValues.text(null, 3));
    }
}
