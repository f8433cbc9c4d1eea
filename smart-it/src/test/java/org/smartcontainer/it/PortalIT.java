package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.InitialAdmin;
import org.smartcontainer.accounts.Role;

/**
 * The clinician portal in headless Chromium: signing in, the patient picker, lockout. Browser code
 * lives in {@link PortalPages} and {@link Browser}, so that this class also loads inside the server
 * (without Selenium) for its in-container steps.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalIT {

    static final String CLINICIAN = "nurse.jones";
    static final String CLINICIAN_PASSWORD = "Portal-test-password-1";
    static final String LOCKED = "locked.clinician";
    static final String LOCKED_PASSWORD = "Lockout-test-password-1";

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(PortalIT.class, Browser.class, PortalPages.class);
    }

    @EJB
    private AccountService accounts;

    @Test
    @Order(1)
    void clinicianAccountsForTheBrowserTestsExist() {
        for (var account : List.of(List.of(CLINICIAN, CLINICIAN_PASSWORD), List.of(LOCKED, LOCKED_PASSWORD))) {
            if (accounts.findByUsername(account.get(0)).isEmpty()) {
                accounts.create(account.get(0), "Test", "Clinician", account.get(1).toCharArray(), EnumSet.of(Role.clinician));
            }
        }
        assertTrue(accounts.findByUsername(CLINICIAN).orElseThrow().hasRole(Role.clinician));
    }

    @Test
    @Order(2)
    @RunAsClient
    void clinicianSignsInAndSeesEveryPatientInThePicker() throws Exception {
        long records = recordCount();
        assertTrue(records > 0, "the first start seeds sample patients");
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CLINICIAN, CLINICIAN_PASSWORD);
            assertEquals("Patients found: " + records, PortalPages.patientCountReport(browser));
            assertEquals(Math.min(15, records), PortalPages.patientRows(browser).size(), "one page of at most 15 rows");
            assertTrue(PortalPages.text(browser, "signedInAs").contains(CLINICIAN));
            browser.screenshot("portal-patient-list");
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void searchingByFamilyNameShowsOnlyMatchingPatients() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CLINICIAN, CLINICIAN_PASSWORD);
            List<List<String>> rows = PortalPages.patientRows(browser);
            String familyName = rows.get(rows.size() / 2).get(0);
            String prefix = familyName.substring(0, Math.min(3, familyName.length()));
            List<List<String>> found = PortalPages.searchByFamilyName(browser, prefix);
            assertFalse(found.isEmpty());
            assertTrue(found.stream().allMatch(r -> r.get(0).toLowerCase().startsWith(prefix.toLowerCase())));
            browser.screenshot("portal-search-by-family-name");
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void choosingAPatientShowsTheBannerWithNameSexAndMrn() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CLINICIAN, CLINICIAN_PASSWORD);
            List<String> first = PortalPages.patientRows(browser).get(0);
            PortalPages.choosePatient(browser, 0);
            assertEquals(first.get(1) + " " + first.get(0), PortalPages.text(browser, "bannerName"));
            assertEquals(first.get(3), PortalPages.text(browser, "bannerSex"));
            assertEquals("MRN " + first.get(4), PortalPages.text(browser, "bannerMrn"));
            browser.screenshot("portal-patient-chosen");
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void wrongPasswordIsRefusedWithAMessage() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CLINICIAN, "not-the-password");
            assertTrue(PortalPages.signInError(browser).contains("Wrong user name or password."));
            assertFalse(PortalPages.showsPatientList(browser));
            browser.screenshot("portal-wrong-password");
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void fiveWrongPasswordsLockTheAccountSoThatEvenTheRightOneIsRefused() throws Exception {
        try (Browser browser = new Browser()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                PortalPages.signIn(browser, LOCKED, "wrong-" + attempt);
            }
            PortalPages.signIn(browser, LOCKED, LOCKED_PASSWORD);
            String error = PortalPages.signInError(browser);
            assertTrue(error.contains("locked"), error);
            assertFalse(PortalPages.showsPatientList(browser));
            browser.screenshot("portal-locked-account");
        }
    }

    @Test
    @Order(7)
    @RunAsClient
    void signingOutEndsTheSession() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CLINICIAN, CLINICIAN_PASSWORD);
            PortalPages.signOut(browser);
            assertTrue(PortalPages.isSentToSignIn(browser, "/index.xhtml"));
        }
    }

    private static long recordCount() throws Exception {
        var response = TestServer.get(HttpClient.newHttpClient(), "/api/admin/records/count",
                "Authorization", TestServer.basic(InitialAdmin.USERNAME, TestServer.initialAdminPassword()));
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getJsonNumber("records").longValue();
    }
}
