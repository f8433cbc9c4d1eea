package org.smartcontainer.it;

import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The app launcher, the apps' frames, Manage apps, My approvals, the consent page and the record
 * chooser as a browser test sees them. Selenium stays in here (see PortalIT's note).
 */
final class LauncherPages {

    private static final int WAIT_SECONDS = 30;

    private LauncherPages() {
    }

    /** Opens a protected page, is sent to sign in, signs in and waits until it is back off the sign-in page. */
    static void signInVia(Browser browser, String path, String user, String password) {
        browser.open(path);
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.driver().findElement(By.id("login:username")).sendKeys(user);
        browser.driver().findElement(By.id("login:password")).sendKeys(password);
        browser.driver().findElement(By.id("login:signIn")).click();
        browser.waitUpTo(WAIT_SECONDS).until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
    }

    /** On Manage apps, adds the app to the launcher unless it is there already. */
    static void addToLauncher(Browser browser, String appId) {
        browser.open("/my-apps.xhtml");
        By row = By.xpath("//tr[.//small[text()='" + appId + "']]");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(row));
        List<WebElement> add = browser.driver().findElement(row).findElements(By.cssSelector("button.add"));
        if (!add.isEmpty()) {
            add.get(0).click();
            browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElement(row).findElements(By.cssSelector("button.remove")).isEmpty());
        }
    }

    /** On Manage apps, removes the app from the launcher. */
    static void removeFromLauncher(Browser browser, String appId) {
        browser.open("/my-apps.xhtml");
        By row = By.xpath("//tr[.//small[text()='" + appId + "']]");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(row));
        browser.driver().findElement(row).findElement(By.cssSelector("button.remove")).click();
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(row).findElements(By.cssSelector("button.add")).isEmpty());
    }

    /** The launcher's app names, in order. */
    static List<String> launcherApps(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#app-list .app-name")).stream().map(WebElement::getText).toList();
    }

    /** Clicks an app in the launcher. */
    static void clickApp(Browser browser, String appId) {
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-launch-app='" + appId + "']"))).click();
    }

    /** Clicks an app and waits until its instance answered {@code ready}. */
    static void launch(Browser browser, String appId) {
        clickApp(browser, appId);
        awaitReady(browser, appId);
    }

    static void awaitReady(Browser browser, String appId) {
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".app-tab[data-app-id='" + appId + "'][data-ready='true']")));
    }

    /** The launcher's message line (e.g. "Please choose a patient…"). */
    static String launcherMessage(Browser browser) {
        return browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("launcher-message"))).getText();
    }

    /** Waits until an element of the visible frame of the app has a text that satisfies the predicate, and returns it. */
    static String frameText(Browser browser, String appId, String elementId, Predicate<String> wanted) {
        By frame = By.cssSelector(".app-holder:not([hidden]) iframe[data-app-id='" + appId + "']");
        try {
            browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
            return browser.waitUpTo(WAIT_SECONDS).until(d -> {
                String text = d.findElement(By.id(elementId)).getText();
                return wanted.test(text) ? text : null;
            });
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    /** Clicks a button inside the visible frame of the app. */
    static void clickInFrame(Browser browser, String appId, String elementId) {
        By frame = By.cssSelector(".app-holder:not([hidden]) iframe[data-app-id='" + appId + "']");
        try {
            browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
            browser.driver().findElement(By.id(elementId)).click();
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    /** Whether the app's frame holder fills the window. */
    static boolean isFullScreen(Browser browser, String appId) {
        return browser.waitUpTo(WAIT_SECONDS).until(d -> d.findElements(By.cssSelector(".app-holder.fullscreen iframe[data-app-id='"
                + appId + "']")).size() == 1);
    }

    /** Leaves full screen with the exit control of the app's bar. */
    static void leaveFullScreen(Browser browser, String appId) {
        browser.driver().findElement(By.cssSelector(".app-holder.fullscreen .app-fullscreen-toggle")).click();
        browser.waitUpTo(WAIT_SECONDS).until(d -> d.findElements(By.cssSelector(".app-holder.fullscreen")).isEmpty());
    }

    /** How many tabs of the app are open. */
    static int openTabs(Browser browser, String appId) {
        return browser.driver().findElements(By.cssSelector(".app-tab[data-app-id='" + appId + "']")).size();
    }

    static void closeApp(Browser browser, String appId) {
        browser.driver().findElement(By.cssSelector(".app-tab[data-app-id='" + appId + "'] .app-tab-close")).click();
        browser.waitUpTo(WAIT_SECONDS).until(d -> d.findElements(By.cssSelector(".app-tab[data-app-id='" + appId + "']")).isEmpty());
    }

    static void showPatients(Browser browser) {
        browser.driver().findElement(By.cssSelector("#tab-patients button")).click();
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("picker:patients")));
    }

    /** The record id of the patient row (0-based) on the picker's current page. */
    static String recordIdOfRow(Browser browser, int row) {
        return browser.driver().findElements(By.cssSelector("#picker\\:patients_data tr[data-rk]")).get(row).getAttribute("data-rk");
    }

    /** Waits until the banner names another patient than {@code before}. */
    static String awaitBannerChange(Browser browser, String before) {
        return browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class).until(d -> {
            String now = d.findElement(By.id("bannerName")).getText();
            return now.equals(before) ? null : now;
        });
    }

    /** The session cookie and the anti-CSRF token of the signed-in page, for plain HTTP calls as this session. */
    static String[] session(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        String config = (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.getElementById('smart-portal-config').textContent");
        int at = config.indexOf("\"csrf\":\"") + 8;
        return new String[] {"JSESSIONID=" + cookie.getValue(), config.substring(at, config.indexOf('"', at))};
    }

    /** Opens the consent page for a request token (through /oauth/authorize). */
    static void openAuthorization(Browser browser, String requestToken) {
        browser.open("/oauth/authorize?oauth_token=" + requestToken);
    }

    /** Waits for the consent page's form. */
    static void awaitConsent(Browser browser) {
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("consent:approve")));
    }

    static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    static void click(Browser browser, String id) {
        browser.driver().findElement(By.id(id)).click();
    }

    static String currentUrl(Browser browser) {
        return browser.driver().getCurrentUrl();
    }

    /** Waits until the browser is on a URL starting with the prefix. */
    static String awaitUrl(Browser browser, String prefix) {
        browser.waitUpTo(WAIT_SECONDS).until(d -> d.getCurrentUrl().startsWith(prefix));
        return browser.driver().getCurrentUrl();
    }

    /** On My approvals, revokes the approval of the app for the patient named. */
    static void revoke(Browser browser, String appName, String patient) {
        browser.open("/my-approvals.xhtml");
        By row = By.xpath("//tr[.//span[@class='approval-app' and text()='" + appName + "'] and .//span[@class='approval-patient' and text()='"
                + patient + "']]");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(row));
        browser.driver().findElement(row).findElement(By.cssSelector("button.revoke")).click();
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(row).isEmpty());
    }

    /** Whether My approvals lists the app for the patient. */
    static boolean listsApproval(Browser browser, String appName, String patient) {
        browser.open("/my-approvals.xhtml");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("approvals:list")));
        return !browser.driver().findElements(By.xpath("//tr[.//span[@class='approval-app' and text()='" + appName
                + "'] and .//span[@class='approval-patient' and text()='" + patient + "']]")).isEmpty();
    }

    /** On the record chooser, types a filter and clicks the patient's link. */
    static void chooseRecord(Browser browser, String filter, String recordId) {
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("chooser:filter"))).sendKeys(filter);
        By link = By.cssSelector("a.record-choice[data-record-id='" + recordId + "']");
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("a.record-choice")).size() >= 1
                        && d.findElements(By.cssSelector("a.record-choice")).stream().allMatch(a -> a.getText().toLowerCase()
                                .startsWith(filter.toLowerCase()) || a.getText().toLowerCase().contains(", " + filter.toLowerCase())));
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(link)).click();
    }

    /** The error messages of the page. */
    static String errors(Browser browser) {
        return browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ui-messages-error"))).getText();
    }
}
