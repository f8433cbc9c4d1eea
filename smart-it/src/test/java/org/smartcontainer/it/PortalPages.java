package org.smartcontainer.it;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What the portal's pages look like to a browser test: where to type, what to read, what to wait for. */
final class PortalPages {

    private static final int WAIT_SECONDS = 30;
    private static final By ROWS = By.cssSelector("#picker\\:patients_data tr[data-rk]");
    private static final By ERROR = By.cssSelector("#login\\:messages .ui-messages-error");

    private PortalPages() {
    }

    /** Fills in and submits the sign-in form, then waits for the patient list or an error message. */
    static void signIn(Browser browser, String user, String password) {
        browser.open("/");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.driver().findElement(By.id("login:username")).clear();
        browser.driver().findElement(By.id("login:username")).sendKeys(user);
        browser.driver().findElement(By.id("login:password")).sendKeys(password);
        browser.driver().findElement(By.id("login:signIn")).click();
        browser.waitUpTo(WAIT_SECONDS).until(d -> !d.findElements(By.id("picker:patients")).isEmpty()
                || !d.findElements(ERROR).isEmpty());
    }

    /** The sign-in page's error message, waited for. */
    static String signInError(Browser browser) {
        return browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
    }

    /** Whether the patient list is on the page. */
    static boolean showsPatientList(Browser browser) {
        return !browser.driver().findElements(By.id("picker:patients")).isEmpty();
    }

    /** The paginator's report, e.g. "Patients found: 59". */
    static String patientCountReport(Browser browser) {
        return browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#picker\\:patients .ui-paginator-current"))).getText().trim();
    }

    /** The cells' texts of the patient rows on the current page, waited for until there is one. */
    static List<List<String>> patientRows(Browser browser) {
        // An AJAX update may replace the rows while they are read: read again until a whole page is read.
        return browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class).until(d -> {
            List<List<String>> rows = d.findElements(ROWS).stream()
                    .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                    .toList();
            return rows.isEmpty() ? null : rows;
        });
    }

    /** Searches by a family name prefix and waits until every row shown matches it. */
    static List<List<String>> searchByFamilyName(Browser browser, String prefix) {
        browser.driver().findElement(By.id("picker:familyName")).sendKeys(prefix);
        browser.driver().findElement(By.id("picker:search")).click();
        String lower = prefix.toLowerCase();
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(ROWS).stream()
                .allMatch(r -> r.findElements(By.tagName("td")).get(0).getText().toLowerCase().startsWith(lower)));
        return patientRows(browser);
    }

    /** Clicks a patient row and waits for the patient banner. */
    static void choosePatient(Browser browser, int row) {
        browser.driver().findElements(ROWS).get(row).findElements(By.tagName("td")).get(0).click();
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("bannerName")));
    }

    /** A text of the page by element id. */
    static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    /** Signs out through the header button and waits for the sign-in page. */
    static void signOut(Browser browser) {
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.elementToBeClickable(By.id("account:signOut"))).click();
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    /** Opens a page and waits until the browser was sent to the sign-in page. */
    static boolean isSentToSignIn(Browser browser, String path) {
        browser.open(path);
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.urlContains("/login.xhtml"));
        return !showsPatientList(browser);
    }
}
