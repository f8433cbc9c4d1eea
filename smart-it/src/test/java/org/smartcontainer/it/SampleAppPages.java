package org.smartcontainer.it;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The sample apps as a browser test sees them: chosen in the portal's picker, launched from the launcher
 * sidebar, read inside their iframe (the SMART Connect host is the portal's), and the REST app's pages
 * with the portal's record chooser and authorization page.
 */
final class SampleAppPages {

    private static final int WAIT_SECONDS = 40;

    private SampleAppPages() {
    }

    /** Finds a patient by family name in the picker and opens their record (banner shown). */
    static void choosePatient(Browser browser, String recordId, String familyName) {
        clickWhenStable(browser, By.cssSelector("#tab-patients button"));
        WebElement family = browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("picker:familyName")));
        family.clear();
        family.sendKeys(familyName);
        clickWhenStable(browser, By.id("picker:search"));
        // the AJAX search replaces the rows: click the record's row once it is there and stays
        clickWhenStable(browser, By.cssSelector("#picker\\:patients_data tr[data-rk='" + recordId + "'] td"));
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                .until(x -> recordId.equals(x.findElement(By.id("portalPatient")).getAttribute("data-record-id")));
    }

    /** Clicks an element, finding it again when an AJAX update replaced it in between. */
    static void clickWhenStable(Browser browser, By locator) {
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .ignoring(ElementClickInterceptedException.class).until(x -> {
                    x.findElement(locator).click();
                    return true;
                });
    }

    /**
     * Launches an app from the sidebar, switches into its frame and waits until the app rendered
     * ({@code #content[data-state=ready]}). Returns the page text of the app's content area.
     */
    static String launch(Browser browser, String appId) {
        WebDriver d = browser.driver();
        d.switchTo().defaultContent();
        By button = By.cssSelector("button[data-launch-app='" + appId + "']");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.elementToBeClickable(button)).click();
        // the shown app's frame: after a patient change the portal relaunches the last app, and the old frame
        // lingers (hidden) for a moment before it is removed
        By frame = By.cssSelector(".app-holder:not([hidden]) > iframe[data-app-id='" + appId + "']");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
        browser.waitUpTo(WAIT_SECONDS).until(x -> !x.findElements(By.cssSelector("#content[data-state='ready']")).isEmpty());
        return d.findElement(By.id("content")).getText();
    }

    /** Closes every open app (the host destroys them when the patient changes anyway), back to the portal page. */
    static void backToPortal(Browser browser) {
        browser.driver().switchTo().defaultContent();
    }

    /** Text of an element of the app's frame, by id. */
    static String text(Browser browser, String id) {
        return browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                .until(x -> {
                    WebElement element = ExpectedConditions.visibilityOfElementLocated(By.id(id)).apply(x);
                    return element == null ? null : element.getText(); // re-found when the app re-rendered it
                });
    }

    /** Whether an element with this id exists in the app's frame. */
    static boolean has(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }

    /** The cell texts of a table's body rows, by table id. */
    static List<List<String>> rows(Browser browser, String tableId) {
        return browser.driver().findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    /** Clicks an element of the app's frame by id. */
    static void click(Browser browser, String id) {
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Types into a field of the app's frame (replacing its value). */
    static void type(Browser browser, String id, String text) {
        WebElement field = browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until an element's text contains the given text, and returns it. */
    static String waitForText(Browser browser, String id, String expected) {
        browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class)
                .until(x -> !x.findElements(By.id(id)).isEmpty() && x.findElement(By.id(id)).getText().contains(expected));
        return browser.driver().findElement(By.id(id)).getText();
    }

    /** Lets Chart.js draw before a screenshot. */
    static void settle(Browser browser) {
        browser.waitUpTo(5).pollingEvery(Duration.ofMillis(200)).until(x -> Boolean.TRUE.equals(
                ((JavascriptExecutor) x).executeScript("return document.readyState === 'complete'")));
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the REST app, outside the portal's frames ----------------------------------------------------------

    /** Opens the REST app without a record: the container's record chooser comes, where the patient is clicked. */
    static void startRestAppFor(Browser browser, String recordId, String familyName) {
        browser.open("/sample-apps/rest-app/");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("chooser:filter"))).sendKeys(familyName);
        clickWhenStable(browser, By.cssSelector("a.record-choice[data-record-id='" + recordId + "']"));
    }

    /** On the authorization page: waits for it, then approves or denies. */
    static void answerConsent(Browser browser, boolean approve) {
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("consent:approve")));
        browser.driver().findElement(By.id(approve ? "consent:approve" : "consent:deny")).click();
    }

    /** Launches the REST app from the portal's sidebar and switches into its frame (it does its OAuth dance in there). */
    static void launchFramed(Browser browser, String appId) {
        WebDriver d = browser.driver();
        d.switchTo().defaultContent();
        clickWhenStable(browser, By.cssSelector("button[data-launch-app='" + appId + "']"));
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("iframe[data-app-id='" + appId + "']")));
    }

    /** Waits until the portal shows the framed app as started (its loading notice gone); back in the frame after. */
    static void waitUntilThePortalSeesTheAppReady(Browser browser, String appId) {
        WebDriver d = browser.driver();
        d.switchTo().defaultContent();
        browser.waitUpTo(WAIT_SECONDS).until(x -> x.findElements(By.cssSelector(".app-status")).stream()
                .noneMatch(WebElement::isDisplayed));
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("iframe[data-app-id='" + appId + "']")));
    }

    /** The REST app's page title ({@code #title}) once it is shown. */
    static String restAppTitle(Browser browser) {
        return browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).getText();
    }
}
