package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.AccountChangeRefusedException;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.InitialAdmin;
import org.smartcontainer.accounts.Role;
import org.smartcontainer.settings.PortalSettings;
import org.smartcontainer.settings.Registration;

/**
 * The portal's administration in headless Chromium against the deployed EAR: users, apps, patients, audit
 * trail, settings; password change, self-registration, showcase mode, lockout; who may open what; branding
 * from configuration; CSRF and cookies; keyboard, labels and layout at desktop and tablet width. Browser
 * code lives in {@link AdminPages} (no Selenium type here: the class also loads inside the server).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesIT {

    /** The first administrator (no other administrator is left behind: ContainerDeploymentIT counts them). */
    static final String ADMIN = InitialAdmin.USERNAME;
    static final String CLINICIAN = "pages.clinician";
    static final String CLINICIAN_PASSWORD = "Clinician-pages-password-1";
    static final String CHANGER = "password.changer";
    static final String CHANGER_PASSWORD = "Changer-first-password-1";
    static final String LOCKOUT = "lockout.target";
    static final String LOCKOUT_PASSWORD = "Lockout-target-password-1";
    static final String SHOWCASE = "showcase.viewer";
    static final String SHOWCASE_PASSWORD = "Showcase-viewer-password-1";

    static final String PORTAL_NAME = "St. Example <Clinic> & Co";
    static final String LOGIN_MESSAGE = "Authorised staff only. <b>Not bold</b>";
    static final String SAMPLE_RECORD = "1032702";

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withConfig(Map.of("smart.portal.name", PORTAL_NAME, "smart.portal.primary-color", "#7A1F5C",
                "smart.portal.login-message", LOGIN_MESSAGE, "smart.portal.logo-url", "javascript:alert(1)"),
                AdminPagesIT.class, Browser.class, AdminPages.class, PortalPages.class);
    }

    @EJB
    private AccountService accounts;

    @EJB
    private PortalSettings settings;

    // ------------------------------------------------------------------ in the server: fixtures and service rules

    @Test
    @Order(1)
    void accountsForTheBrowserTestsExistWithKnownPasswords() {
        account(CLINICIAN, CLINICIAN_PASSWORD, EnumSet.of(Role.clinician));
        account(CHANGER, CHANGER_PASSWORD, EnumSet.of(Role.clinician));
        account(LOCKOUT, LOCKOUT_PASSWORD, EnumSet.of(Role.clinician));
        account(SHOWCASE, SHOWCASE_PASSWORD, EnumSet.of(Role.clinician));
        settings.setRegistration(Registration.off);
        assertEquals(1, accounts.countWithRole(Role.admin), "the tests add no administrator");
    }

    private void account(String username, String password, Set<Role> roles) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(username, "Test", username, password.toCharArray(), roles);
        }
        accounts.resetPassword(username, password.toCharArray());
        accounts.setRoles(username, roles);
        accounts.setState(username, Account.State.active);
        accounts.setRecordAccess(username, null);
    }

    @Test
    @Order(2)
    void aPasswordChangeNeedsTheCurrentPasswordAndWrongGuessesCountTowardsTheLockout() {
        String name = "service.changer";
        if (accounts.findByUsername(name).isEmpty()) {
            accounts.create(name, "S", "C", "Service-changer-pass-1".toCharArray(), EnumSet.of(Role.clinician));
        }
        accounts.resetPassword(name, "Service-changer-pass-1".toCharArray());
        assertEquals(AccountService.PasswordChange.WRONG_PASSWORD,
                accounts.changePassword(name, "wrong".toCharArray(), "Service-changer-pass-2".toCharArray()));
        assertEquals(1, accounts.findByUsername(name).orElseThrow().getFailedLoginCount(), "the wrong guess was counted");
        assertThrowsRefused(() -> accounts.changePassword(name, "Service-changer-pass-1".toCharArray(), "short".toCharArray()));
        assertEquals(AccountService.PasswordChange.CHANGED,
                accounts.changePassword(name, "Service-changer-pass-1".toCharArray(), "Service-changer-pass-2".toCharArray()));
        assertTrue(accounts.signIn(name, "Service-changer-pass-2".toCharArray()).succeeded());
        assertFalse(accounts.signIn(name, "Service-changer-pass-1".toCharArray()).succeeded());
    }

    @Test
    @Order(3)
    void registrationNeedsAValidNameAndWithApprovalLeavesTheAccountDisabled() {
        String name = "approval.registrant";
        if (accounts.findByUsername(name).isEmpty()) {
            Account account = accounts.register(name, "A", "R", "a.r@example.org", "Registrant-password-1".toCharArray(), true);
            assertEquals(Account.State.disabled, account.getState());
            assertEquals(Set.of(Role.clinician), account.getRoles());
        }
        assertEquals(AccountService.SignInResult.DISABLED,
                accounts.signIn(name, "Registrant-password-1".toCharArray()).result());
        assertThrowsRefused(() -> accounts.register("a b", "A", "B", null, "Registrant-password-1".toCharArray(), false));
        assertThrowsRefused(() -> accounts.register("valid.name", "A", "B", "not-an-email", "Registrant-password-1".toCharArray(), false));
        assertThrowsRefused(() -> accounts.register("valid.name", "A", "B", null, "short".toCharArray(), false));
    }

    @Test
    @Order(4)
    void recordAccessLimitsAnAccountToItsRecordsUntilLifted() {
        accounts.setRecordAccess(CHANGER, Set.of("1", "2"));
        assertEquals(Set.of("1", "2"), accounts.recordAccess(CHANGER).orElseThrow());
        accounts.setRecordAccess(CHANGER, null);
        assertTrue(accounts.recordAccess(CHANGER).isEmpty(), "not limited: every record");
    }

    @Test
    @Order(5)
    void selfRegistrationIsOffUntilAnAdministratorChangesIt() {
        assertEquals(Registration.off, settings.registration());
    }

    private static void assertThrowsRefused(Runnable change) {
        try {
            change.run();
        } catch (AccountChangeRefusedException refused) {
            return;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof AccountChangeRefusedException) {
                return;
            }
            throw e;
        }
        throw new AssertionError("the change was not refused");
    }

    // ------------------------------------------------------------------ branding, sign-in page, access rules

    @Test
    @Order(10)
    @RunAsClient
    void theSignInPageShowsTheConfiguredBrandingEscapedAndIgnoresAnUnsafeLogo() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            assertEquals(PORTAL_NAME, AdminPages.text(browser, "portalName"));
            assertEquals(LOGIN_MESSAGE, AdminPages.text(browser, "loginMessage"), "HTML in the message is shown as text");
            assertEquals("rgb(122, 31, 92)", AdminPages.headerColour(browser));
            assertFalse(AdminPages.showsLogo(browser), "a javascript: logo URL is ignored");
            assertFalse(AdminPages.shows(browser, "registerLink"), "registration is off by default");
            assertTrue(AdminPages.unlabelledFields(browser).isEmpty(), AdminPages.unlabelledFields(browser).toString());
            browser.screenshot("admin-login-1280x800");
            AdminPages.resize(browser, "tablet");
            browser.open("/login.xhtml");
            assertFalse(AdminPages.scrollsSideways(browser));
            browser.screenshot("admin-login-800x1280");
        }
        String page = TestServer.get(HttpClient.newHttpClient(), "/login.xhtml").body();
        assertTrue(page.contains("St. Example &lt;Clinic&gt; &amp; Co"), "the name is HTML-escaped");
        assertFalse(page.contains("<b>Not bold</b>"));
    }

    @Test
    @Order(11)
    @RunAsClient
    void aClinicianIsRefusedOnEveryAdminPage() throws Exception {
        HttpClient client = TestServer.browserlessClient();
        AdminPages.signInOverHttp(client, CLINICIAN, CLINICIAN_PASSWORD);
        assertEquals(200, TestServer.get(client, "/index.xhtml").statusCode(), "signed in");
        for (String page : AdminPages.ADMIN_PAGES) {
            HttpResponse<String> response = TestServer.get(client, "/admin/" + page + ".xhtml");
            assertEquals(403, response.statusCode(), page);
            assertTrue(response.body().contains("Not allowed"), page);
        }
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CLINICIAN, CLINICIAN_PASSWORD);
            assertFalse(AdminPages.shows(browser, "navAdmin"), "no Administration link for clinicians");
            AdminPages.open(browser, "users");
            assertEquals("Not allowed", AdminPages.heading(browser));
        }
    }

    @Test
    @Order(12)
    @RunAsClient
    void anonymousVisitorsAreSentToSignInFromAdminPages() throws Exception {
        HttpResponse<String> response = TestServer.get(TestServer.browserlessClient(), "/admin/users.xhtml");
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
    }

    // ------------------------------------------------------------------ users

    @Test
    @Order(20)
    @RunAsClient
    void anAdministratorCreatesAUserWhoCanThenSignIn() throws Exception {
        String user = "created." + Long.toString(System.currentTimeMillis(), 36);
        String password = "Created-user-password-1";
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            assertTrue(AdminPages.shows(browser, "navAdmin"));
            AdminPages.createUser(browser, user, password, false);
            assertTrue(AdminPages.messages(browser).contains("Account " + user + " created."), AdminPages.messages(browser));
            List<String> row = AdminPages.row(browser, "accounts:table", user);
            assertTrue(row.contains("clinician") && row.contains("active"), row.toString());
            browser.screenshot("admin-users-1280x800");
            AdminPages.createUser(browser, "too.short." + user, "short", false);
            assertTrue(AdminPages.messages(browser).contains("at least 12 characters"), AdminPages.messages(browser));
            PortalPages.signOut(browser);
            PortalPages.signIn(browser, user, password);
            assertTrue(PortalPages.showsPatientList(browser));
        }
    }

    @Test
    @Order(21)
    @RunAsClient
    void aDisabledUserIsRefusedUntilEnabledAgain() throws Exception {
        try (Browser admin = new Browser(); Browser user = new Browser()) {
            PortalPages.signIn(admin, ADMIN, adminPassword());
            AdminPages.toggleUserState(admin, CLINICIAN);
            assertTrue(AdminPages.messages(admin).contains("Account " + CLINICIAN + " disabled."), AdminPages.messages(admin));
            assertTrue(AdminPages.row(admin, "accounts:table", CLINICIAN).contains("disabled"));
            PortalPages.signIn(user, CLINICIAN, CLINICIAN_PASSWORD);
            assertFalse(PortalPages.showsPatientList(user));
            AdminPages.toggleUserState(admin, CLINICIAN);
            assertTrue(AdminPages.messages(admin).contains("Account " + CLINICIAN + " enabled."), AdminPages.messages(admin));
            PortalPages.signIn(user, CLINICIAN, CLINICIAN_PASSWORD);
            assertTrue(PortalPages.showsPatientList(user));
        }
    }

    @Test
    @Order(22)
    @RunAsClient
    void anAdministratorResetsAPasswordAndOnlyTheNewOneWorks() throws Exception {
        String next = "Reset-by-admin-password-1";
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            AdminPages.resetPassword(browser, LOCKOUT, next);
            assertTrue(AdminPages.messages(browser).contains("New password set for " + LOCKOUT), AdminPages.messages(browser));
            PortalPages.signOut(browser);
            PortalPages.signIn(browser, LOCKOUT, LOCKOUT_PASSWORD);
            assertFalse(PortalPages.showsPatientList(browser));
            PortalPages.signIn(browser, LOCKOUT, next);
            assertTrue(PortalPages.showsPatientList(browser));
        }
    }

    @Test
    @Order(23)
    @RunAsClient
    void fiveWrongPasswordsLockAnAccountAndAnAdministratorCanUnlockIt() throws Exception {
        String password = "Reset-by-admin-password-1";
        try (Browser browser = new Browser(); Browser admin = new Browser()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                PortalPages.signIn(browser, LOCKOUT, "wrong-" + attempt);
            }
            PortalPages.signIn(browser, LOCKOUT, password);
            assertTrue(PortalPages.signInError(browser).contains("locked"));
            browser.screenshot("admin-locked-sign-in");
            PortalPages.signIn(admin, ADMIN, adminPassword());
            AdminPages.open(admin, "users");
            assertTrue(AdminPages.row(admin, "accounts:table", LOCKOUT).contains("locked"));
            AdminPages.unlockUser(admin, LOCKOUT);
            assertTrue(AdminPages.messages(admin).contains("Account " + LOCKOUT + " unlocked."), AdminPages.messages(admin));
            PortalPages.signIn(browser, LOCKOUT, password);
            assertTrue(PortalPages.showsPatientList(browser));
        }
    }

    @Test
    @Order(24)
    @RunAsClient
    void anAccountLimitedToOneRecordSeesOnlyThatPatientInThePicker() throws Exception {
        String recordId = recordIds().get(0);
        try (Browser admin = new Browser(); Browser user = new Browser()) {
            PortalPages.signIn(admin, ADMIN, adminPassword());
            AdminPages.limitRecords(admin, LOCKOUT, recordId);
            assertTrue(AdminPages.messages(admin).contains(LOCKOUT + " may see 1 record."), AdminPages.messages(admin));
            assertTrue(AdminPages.row(admin, "accounts:table", LOCKOUT).contains(recordId));
            admin.screenshot("admin-users-manage-1280x800");
            PortalPages.signIn(user, LOCKOUT, "Reset-by-admin-password-1");
            assertEquals("Patients found: 1", PortalPages.patientCountReport(user));
            PortalPages.signOut(user);
            AdminPages.limitRecords(admin, LOCKOUT, null);
            assertTrue(AdminPages.messages(admin).contains(LOCKOUT + " may see every record."), AdminPages.messages(admin));
            PortalPages.signIn(user, LOCKOUT, "Reset-by-admin-password-1");
            assertEquals("Patients found: " + recordIds().size(), PortalPages.patientCountReport(user));
        }
    }

    // ------------------------------------------------------------------ apps

    @Test
    @Order(30)
    @RunAsClient
    void anAppInstalledFromAManifestFileShowsItsSecretOnceAndRotatingShowsANewOneOnce() throws Exception {
        String appId = "admin-pages-" + Long.toString(System.currentTimeMillis(), 36) + "@apps.example.org";
        Path manifest = Files.createTempFile("manifest", ".json");
        Files.writeString(manifest, """
                {"name": "Admin Pages Test App", "description": "Installed by AdminPagesIT", "author": "IT",
                 "id": "%s", "version": "1.0", "mode": "ui", "scope": "record",
                 "index": "http://localhost/app/index.html", "icon": "http://localhost/app/icon.png",
                 "requires": {"http://smartplatforms.org/terms#Medication": {"methods": ["GET"]}},
                 "smart_version": "0.6"}""".formatted(appId), StandardCharsets.UTF_8);
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            AdminPages.installAppFromFile(browser, manifest);
            assertTrue(AdminPages.messages(browser).contains("installed"), AdminPages.messages(browser));
            String first = AdminPages.shownSecret(browser);
            assertNotNull(first, "the new secret is shown");
            assertTrue(first.length() >= 20, first);
            assertTrue(AdminPages.row(browser, "apps:table", appId).contains("yes"), "enabled by default");
            browser.screenshot("admin-apps-1280x800");

            AdminPages.open(browser, "apps");
            assertNull(AdminPages.shownSecret(browser), "shown once: not on the next visit");
            assertFalse(browser.driver().getPageSource().contains(first));

            AdminPages.rotateSecret(browser, appId);
            String second = AdminPages.shownSecret(browser);
            assertNotNull(second);
            assertNotEquals(first, second);
            AdminPages.open(browser, "apps");
            assertNull(AdminPages.shownSecret(browser));
            assertFalse(browser.driver().getPageSource().contains(second));

            AdminPages.installAppFromFile(browser, manifest);
            assertTrue(AdminPages.messages(browser).contains("already installed"), AdminPages.messages(browser));
            assertNull(AdminPages.shownSecret(browser));

            AdminPages.askToRemoveApp(browser, appId);
            assertTrue(AdminPages.text(browser, "apps:confirmText").contains(appId));
            browser.screenshot("admin-apps-confirm-removal");
            AdminPages.confirmAppRemoval(browser);
            assertTrue(AdminPages.messages(browser).contains("App " + appId + " removed"), AdminPages.messages(browser));
            assertTrue(AdminPages.row(browser, "apps:table", appId).isEmpty());
        } finally {
            Files.deleteIfExists(manifest);
        }
        HttpResponse<String> gone = TestServer.get(HttpClient.newHttpClient(), "/api/admin/apps/" + appId,
                "Authorization", TestServer.basic(ADMIN, adminPassword()));
        assertEquals(404, gone.statusCode(), "removed from the registry");
    }

    @Test
    @Order(31)
    @RunAsClient
    void anInvalidManifestIsRefusedWithItsProblems() throws Exception {
        Path manifest = Files.createTempFile("bad-manifest", ".json");
        Files.writeString(manifest, "{\"id\": \"bad id\", \"mode\": \"desktop\"}", StandardCharsets.UTF_8);
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            AdminPages.installAppFromFile(browser, manifest);
            assertTrue(AdminPages.messages(browser).contains("was refused"), AdminPages.messages(browser));
            assertNull(AdminPages.shownSecret(browser));
        } finally {
            Files.deleteIfExists(manifest);
        }
    }

    // ------------------------------------------------------------------ patients and audit

    @Test
    @Order(40)
    @RunAsClient
    void anImportedSamplePatientFileAppearsInTheCliniciansPicker() throws Exception {
        Path file = Path.of(System.getProperty("smart.shared.dir", "../../shared"), "sample-patients", "p" + SAMPLE_RECORD + ".xml");
        assertTrue(Files.isRegularFile(file), file.toString());
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            AdminPages.importPatientFile(browser, file);
            String messages = AdminPages.messages(browser);
            assertTrue(messages.contains("Record " + SAMPLE_RECORD), messages);
            browser.screenshot("admin-patients-1280x800");
        }
        String familyName = familyNameOf(SAMPLE_RECORD);
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CLINICIAN, CLINICIAN_PASSWORD);
            List<List<String>> rows = PortalPages.searchByFamilyName(browser, familyName);
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals(familyName)), rows.toString());
        }
    }

    @Test
    @Order(41)
    @RunAsClient
    void generatingPatientsAddsThatManyRecords() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            AdminPages.open(browser, "patients");
            long before = AdminPages.recordCount(browser);
            AdminPages.generatePatients(browser, 3);
            assertTrue(AdminPages.messages(browser).contains("3 sample patients generated."), AdminPages.messages(browser));
            assertEquals(before + 3, AdminPages.recordCount(browser));
        }
    }

    @Test
    @Order(42)
    @RunAsClient
    void deletingAPatientAsksFirstThenRemovesTheRecord() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            AdminPages.askToDeleteRecord(browser, SAMPLE_RECORD);
            assertTrue(AdminPages.text(browser, "records:confirmText").contains(SAMPLE_RECORD));
            AdminPages.confirmRecordDeletion(browser);
            assertTrue(AdminPages.messages(browser).contains("Record " + SAMPLE_RECORD + " deleted"), AdminPages.messages(browser));
            AdminPages.findRecords(browser, SAMPLE_RECORD);
            assertTrue(AdminPages.row(browser, "records:table", SAMPLE_RECORD).isEmpty());
        }
        assertFalse(recordIds().contains(SAMPLE_RECORD));
    }

    @Test
    @Order(43)
    @RunAsClient
    void theAuditTrailFiltersByRecordAndAccountAndPages() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            AdminPages.filterAudit(browser, Map.of("record", SAMPLE_RECORD, "account", ADMIN));
            List<List<String>> rows = AdminPages.rows(browser, "audit:events");
            List<String> calls = rows.stream().map(r -> r.get(4)).toList();
            assertTrue(calls.contains("portal_admin_import_record"), calls.toString());
            assertTrue(calls.contains("portal_admin_delete_record"), calls.toString());
            assertTrue(rows.stream().allMatch(r -> r.get(3).equals(SAMPLE_RECORD) && r.get(1).equals(ADMIN)), rows.toString());
            browser.screenshot("admin-audit-1280x800");
            AdminPages.filterAudit(browser, Map.of("account", "nobody-at-all"));
            assertTrue(AdminPages.auditReport(browser).contains("Events: 0"), AdminPages.auditReport(browser));
            AdminPages.filterAudit(browser, Map.of("from", "not a date"));
            assertTrue(AdminPages.messages(browser).contains("a date such as"), AdminPages.messages(browser));
            AdminPages.filterAudit(browser, Map.of("from", "2000-01-01"));
            String report = AdminPages.auditReport(browser);
            long total = Long.parseLong(report.replaceAll("\\D", ""));
            assertTrue(total > 0, report);
            assertTrue(AdminPages.rows(browser, "audit:events").size() <= 25, "one page of at most 25 rows");
        }
    }

    // ------------------------------------------------------------------ own account, registration

    @Test
    @Order(50)
    @RunAsClient
    void aSignedInUserChangesTheirPasswordOnlyWithTheCurrentOne() throws Exception {
        String next = "Changer-second-password-2";
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, CHANGER, CHANGER_PASSWORD);
            AdminPages.changePassword(browser, "not-my-password", next);
            assertTrue(AdminPages.messages(browser).contains("The current password is wrong."), AdminPages.messages(browser));
            AdminPages.changePassword(browser, CHANGER_PASSWORD, "short");
            assertTrue(AdminPages.messages(browser).contains("at least 12 characters"), AdminPages.messages(browser));
            AdminPages.changePassword(browser, CHANGER_PASSWORD, next);
            assertTrue(AdminPages.messages(browser).contains("Your password has been changed."), AdminPages.messages(browser));
            browser.screenshot("account-password-1280x800");
            PortalPages.signOut(browser);
            PortalPages.signIn(browser, CHANGER, CHANGER_PASSWORD);
            assertFalse(PortalPages.showsPatientList(browser), "the old password no longer works");
            PortalPages.signIn(browser, CHANGER, next);
            assertTrue(PortalPages.showsPatientList(browser));
        }
    }

    @Test
    @Order(51)
    @RunAsClient
    void selfRegistrationIsClosedUntilAnAdministratorOpensIt() throws Exception {
        String user = "self." + Long.toString(System.currentTimeMillis(), 36);
        String password = "Self-registered-password-1";
        try (Browser visitor = new Browser(); Browser admin = new Browser()) {
            visitor.open("/register.xhtml");
            assertTrue(AdminPages.shows(visitor, "closed"), "closed by default");
            assertFalse(AdminPages.shows(visitor, "register:username"));
            PortalPages.signIn(admin, ADMIN, adminPassword());
            try {
                AdminPages.setRegistration(admin, "open");
                assertTrue(AdminPages.messages(admin).contains("Self-registration is open"), AdminPages.messages(admin));
                admin.screenshot("admin-settings-1280x800");
                visitor.open("/login.xhtml");
                assertTrue(AdminPages.shows(visitor, "registerLink"));
                AdminPages.register(visitor, user, password);
                assertTrue(AdminPages.signInMessages(visitor).contains("has been created"), AdminPages.signInMessages(visitor));
                visitor.screenshot("register-created-1280x800");
                PortalPages.signIn(visitor, user, password);
                assertTrue(PortalPages.showsPatientList(visitor));
                PortalPages.signOut(visitor);

                AdminPages.setRegistration(admin, "approval");
                AdminPages.register(visitor, user + ".b", password);
                assertTrue(AdminPages.signInMessages(visitor).contains("An administrator must enable it"), AdminPages.signInMessages(visitor));
                PortalPages.signIn(visitor, user + ".b", password);
                assertFalse(PortalPages.showsPatientList(visitor), "waits for approval");
            } finally {
                AdminPages.setRegistration(admin, "off");
            }
            visitor.open("/register.xhtml");
            assertTrue(AdminPages.shows(visitor, "closed"));
        }
    }

    // ------------------------------------------------------------------ CSRF and cookies

    @Test
    @Order(60)
    @RunAsClient
    void aForgedPostWithoutTheViewStateChangesNothing() throws Exception {
        HttpClient client = TestServer.browserlessClient();
        HttpResponse<String> signIn = AdminPages.signInOverHttp(client, ADMIN, adminPassword());
        HttpResponse<String> page = TestServer.get(client, "/admin/users.xhtml");
        assertEquals(200, page.statusCode(), "signed in as an administrator (sign-in answered " + signIn.statusCode() + ")");
        String viewState = AdminPages.viewState(page.body());
        assertTrue(viewState.length() < 64 && viewState.contains(":"), "stateful view: the view state is an id, not the state: " + viewState);

        String forged = "forged." + Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:username", forged);
        form.put("create:password", "Forged-account-password-1");
        form.put("create:roles", "clinician");
        form.put("create:createButton", "");
        AdminPages.post(client, "/admin/users.xhtml", form);
        assertFalse(accountExists(forged), "no view state: nothing created");

        Map<String, String> guessed = new LinkedHashMap<>(form);
        guessed.put("jakarta.faces.ViewState", "-1234567890123456789:-987654321987654321");
        HttpResponse<String> refused = AdminPages.post(client, "/admin/users.xhtml", guessed);
        assertTrue(refused.body().contains("This page has expired"), "a made-up view state is refused: " + refused.statusCode());
        assertFalse(accountExists(forged), "made-up view state: nothing created");

        Map<String, String> real = new LinkedHashMap<>(form);
        real.put("jakarta.faces.ViewState", AdminPages.viewState(TestServer.get(client, "/admin/users.xhtml").body()));
        AdminPages.post(client, "/admin/users.xhtml", real);
        assertTrue(accountExists(forged), "control: the same post with the page's view state works");
        accountState(forged, "disabled");
    }

    @Test
    @Order(61)
    @RunAsClient
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = TestServer.get(TestServer.browserlessClient(), "/login.xhtml");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    // ------------------------------------------------------------------ layout and keyboard

    @Test
    @Order(70)
    @RunAsClient
    void everyAdminPageHasLabelledFieldsASkipLinkAndFitsDesktopAndTabletWidths() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, ADMIN, adminPassword());
            for (String width : List.of("desktop", "tablet")) {
                String suffix = AdminPages.resize(browser, width);
                for (String page : AdminPages.ADMIN_PAGES) {
                    AdminPages.open(browser, page);
                    browser.screenshot("admin-" + page + "-page-" + suffix);
                    List<String> unlabelled = AdminPages.unlabelledFields(browser);
                    if (!unlabelled.isEmpty()) {
                        problems.add(page + " " + suffix + ": unlabelled " + unlabelled);
                    }
                    if (AdminPages.scrollsSideways(browser)) {
                        problems.add(page + " " + suffix + ": scrolls sideways");
                    }
                }
            }
            AdminPages.resize(browser, "desktop");
            AdminPages.open(browser, "users");
            String first = AdminPages.firstTabStop(browser);
            assertTrue(first.startsWith("a|Skip to main content"), first);
            assertTrue(AdminPages.focusIsVisible(browser), "the focused skip link is visibly marked");
            browser.screenshot("admin-skip-link-focused");
            assertEquals("main", AdminPages.focusAfterSkipLink(browser));
            browser.open("/account/password.xhtml");
            List<String> unlabelled = AdminPages.unlabelledFields(browser);
            if (!unlabelled.isEmpty()) {
                problems.add("password page: unlabelled " + unlabelled);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ------------------------------------------------------------------ showcase (changes the server configuration; last)

    @Test
    @Order(90)
    @RunAsClient
    void showcaseModeSignsVisitorsInAsTheReadOnlyAccountOnlyWhileSwitchedOn() throws Exception {
        assertEquals(404, TestServer.get(TestServer.browserlessClient(), "/showcase").statusCode(), "off by default");
        asadmin("set-config-property", "--source=domain", "--propertyName=smart.portal.showcase.account",
                "--propertyValue=" + SHOWCASE);
        asadmin("set-config-property", "--source=domain", "--propertyName=smart.portal.showcase.enabled",
                "--propertyValue=true");
        try {
            waitForShowcase(302);
            try (Browser browser = new Browser()) {
                AdminPages.enterShowcase(browser);
                assertTrue(PortalPages.text(browser, "signedInAs").contains(SHOWCASE));
                assertTrue(AdminPages.shows(browser, "showcaseNotice"));
                assertFalse(AdminPages.shows(browser, "navAdmin"));
                assertFalse(AdminPages.shows(browser, "navPassword"));
                browser.screenshot("showcase-1280x800");
                AdminPages.open(browser, "users");
                assertEquals("Not allowed", AdminPages.heading(browser), "no admin pages");
                browser.open("/account/password.xhtml");
                assertEquals("Not allowed", AdminPages.heading(browser), "no password change");
            }
            HttpClient client = TestServer.browserlessClient();
            assertEquals(302, TestServer.get(client, "/showcase").statusCode());
            assertEquals(200, TestServer.get(client, "/index.xhtml").statusCode());
            assertEquals(403, TestServer.get(client, "/admin/apps.xhtml").statusCode());
            assertEquals(403, AdminPages.post(client, "/account/password.xhtml", Map.of("password", "password",
                    "password:current", SHOWCASE_PASSWORD, "password:next", "Showcase-hijacked-pass-1",
                    "password:confirm", "Showcase-hijacked-pass-1")).statusCode(), "the showcase writes nothing");
        } finally {
            asadmin("delete-config-property", "--source=domain", "--propertyName=smart.portal.showcase.enabled");
            asadmin("delete-config-property", "--source=domain", "--propertyName=smart.portal.showcase.account");
        }
    }

    // ------------------------------------------------------------------ helpers (client side)

    private static void waitForShowcase(int status) throws Exception {
        // Payara caches MicroProfile Config values (60 s by default).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
        int last = 0;
        while (System.nanoTime() < deadline) {
            last = TestServer.get(TestServer.browserlessClient(), "/showcase").statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("/showcase still answers " + last);
    }

    private static String asadmin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString());
        command.add("--port");
        command.add(System.getProperty("it.admin.port", "14848"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", args) + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "asadmin " + String.join(" ", args) + ":\n" + output);
        return output;
    }

    private static String adminPassword() throws IOException {
        return TestServer.initialAdminPassword();
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(TestServer.base().resolve("/api/admin" + path))
                .header("Authorization", TestServer.basic(ADMIN, adminPassword())).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean accountExists(String username) throws Exception {
        return api("GET", "/accounts/" + username, null).statusCode() == 200;
    }

    private static void accountState(String username, String state) throws Exception {
        assertEquals(200, api("PUT", "/accounts/" + username + "/state", "{\"state\": \"" + state + "\"}").statusCode());
    }

    private static JsonObject records() throws Exception {
        HttpResponse<String> response = api("GET", "/records", null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static List<String> recordIds() throws Exception {
        return records().getJsonArray("records").stream().map(v -> v.asJsonObject().getString("record_id")).toList();
    }

    private static String familyNameOf(String recordId) throws Exception {
        return records().getJsonArray("records").stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("record_id").equals(recordId)).findFirst()
                .orElseThrow(() -> new AssertionError("record " + recordId + " not listed")).getString("family_name");
    }
}
