package org.smartcontainer.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the admin pages, the account pages and the showcase look like to a browser test (Selenium), and
 * the same portal spoken to with plain HTTP for the checks a browser hides (status codes, cookies, forged
 * posts).
 */
final class AdminPages {

    private static final int WAIT_SECONDS = 30;
    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension TABLET = new Dimension(800, 1280);
    static final List<String> ADMIN_PAGES = List.of("users", "apps", "patients", "audit", "settings");

    private AdminPages() {
    }

    // ------------------------------------------------------------------ navigation and messages

    /** Opens an admin page and waits for its heading (or whatever the server answered instead). */
    static void open(Browser browser, String page) {
        browser.open("/admin/" + page + ".xhtml");
        browser.waitUpTo(WAIT_SECONDS).until(d -> !d.findElements(By.tagName("h1")).isEmpty()
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Does something to an element that may safely be done again: typing into a field (cleared first), choosing
     * a file. When the element turns out to belong to a page that has been replaced ({@link #isOfAReplacedPage}),
     * it is looked up again and the action done again.
     */
    static void onFreshElement(Browser browser, By locator, Consumer<WebElement> action) {
        fromFreshElement(browser, locator, element -> {
            action.accept(element);
            return true;
        });
    }

    /** Reads something from an element, looking it up again as {@link #onFreshElement} does. */
    static <T> T fromFreshElement(Browser browser, By locator, Function<WebElement, T> read) {
        return browser.waitUpTo(WAIT_SECONDS).until(d -> {
            try {
                return read.apply(d.findElement(locator));
            } catch (WebDriverException e) {
                if (isOfAReplacedPage(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Whether the element's page has been replaced by another one. */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (isOfAReplacedPage(e)) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Whether a failure says that the element belonged to a page that has been replaced: "stale element
     * reference", or, from Chromium now and then instead, "Node with given id does not belong to the document".
     */
    private static boolean isOfAReplacedPage(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Gives a file input a path (choosing a file submits nothing, so it may be done again). */
    static void chooseFile(Browser browser, By input, Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        onFreshElement(browser, input, element -> element.sendKeys(path));
    }

    /** The page's main heading. */
    static String heading(Browser browser) {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    /** Clicks an element that submits the page and waits for the new page. */
    static void submit(Browser browser, By button) {
        WebElement element = browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.elementToBeClickable(button));
        WebElement html = browser.driver().findElement(By.tagName("html"));
        element.click();
        browser.waitUpTo(WAIT_SECONDS).until(d -> isGone(html));
        browser.waitUpTo(WAIT_SECONDS).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The texts of the messages shown at the top of the page. */
    static String messages(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".ui-messages")).stream().map(WebElement::getText)
                .collect(Collectors.joining("\n"));
    }

    static void type(Browser browser, String id, String text) {
        onFreshElement(browser, By.id(id), field -> {
            field.clear();
            field.sendKeys(text);
        });
    }

    /** Whether an element with this id is on the page. */
    static boolean shows(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }

    static String text(Browser browser, String id) {
        return fromFreshElement(browser, By.id(id), WebElement::getText);
    }

    /** The table row whose key cell (class {@code rk}: user name, app id, record id) is {@code rowKey}. */
    private static String rowXpath(String tableId, String rowKey) {
        return "//*[@id='" + tableId + "']//tr[.//span[contains(concat(' ', @class, ' '), ' rk ') and normalize-space(.)='"
                + rowKey + "']]";
    }

    /** A button in the table row whose key is {@code rowKey}. */
    static By rowButton(String tableId, String rowKey, String buttonId) {
        return By.xpath(rowXpath(tableId, rowKey) + "//*[substring(@id, string-length(@id) - string-length(':" + buttonId
                + "') + 1) = ':" + buttonId + "']");
    }

    /** The cells of the table's row with this key, or an empty list. */
    static List<String> row(Browser browser, String tableId, String rowKey) {
        List<WebElement> rows = browser.driver().findElements(By.xpath(rowXpath(tableId, rowKey)));
        return rows.isEmpty() ? List.of()
                : rows.get(0).findElements(By.tagName("td")).stream().map(td -> cellText(td)).toList();
    }

    private static String cellText(WebElement td) {
        // reflow tables put the column title into the cell; keep only the value
        List<WebElement> title = td.findElements(By.cssSelector(".ui-column-title"));
        String text = td.getText();
        return title.isEmpty() ? text : text.substring(Math.min(text.length(), title.get(0).getText().length())).strip();
    }

    /** The cell texts of every row of a table on the current page. */
    static List<List<String>> rows(Browser browser, String tableId) {
        return browser.waitUpTo(WAIT_SECONDS).ignoring(StaleElementReferenceException.class).until(d ->
                d.findElements(By.cssSelector("[id='" + tableId + "_data'] tr")).stream()
                        .map(r -> r.findElements(By.tagName("td")).stream().map(AdminPages::cellText).toList())
                        .toList());
    }

    // ------------------------------------------------------------------ users

    static void createUser(Browser browser, String username, String password, boolean admin) {
        open(browser, "users");
        type(browser, "create:username", username);
        type(browser, "create:givenName", "Created");
        type(browser, "create:familyName", "ByAdmin");
        type(browser, "create:password", password);
        if (admin) {
            checkBox(browser, "create:roles", "admin");
        }
        submit(browser, By.id("create:createButton"));
    }

    /** Ticks the checkbox of a selectManyCheckbox by its label text. */
    private static void checkBox(Browser browser, String groupId, String label) {
        for (WebElement item : browser.driver().findElements(By.cssSelector("[id='" + groupId + "'] label"))) {
            if (item.getText().strip().equals(label)) {
                item.click();
                return;
            }
        }
        throw new AssertionError("no checkbox " + label + " in " + groupId);
    }

    static void toggleUserState(Browser browser, String username) {
        open(browser, "users");
        submit(browser, rowButton("accounts:table", username, "toggle"));
    }

    static void unlockUser(Browser browser, String username) {
        open(browser, "users");
        submit(browser, rowButton("accounts:table", username, "unlock"));
    }

    static void resetPassword(Browser browser, String username, String password) {
        open(browser, "users");
        submit(browser, rowButton("accounts:table", username, "manage"));
        type(browser, "manage:resetPassword", password);
        submit(browser, By.id("manage:resetButton"));
    }

    /** Limits an account to these record ids on its Manage panel, or (null) lets it see every record again. */
    static void limitRecords(Browser browser, String username, String recordIds) {
        open(browser, "users");
        submit(browser, rowButton("accounts:table", username, "manage"));
        boolean ticked = browser.driver().findElement(By.id("manage:limitRecords_input")).isSelected();
        if (ticked != (recordIds != null)) {
            browser.driver().findElement(By.cssSelector("[id='manage:limitRecords'] .ui-chkbox-box")).click();
        }
        type(browser, "manage:allowedRecords", recordIds == null ? "" : recordIds);
        submit(browser, By.id("manage:saveRecords"));
    }

    // ------------------------------------------------------------------ apps

    static void installAppFromFile(Browser browser, Path manifest) {
        open(browser, "apps");
        chooseFile(browser, By.id("installFile:manifestFile"), manifest);
        submit(browser, By.id("installFile:installButton"));
    }

    /** The consumer secret the page shows, or null when it shows none. */
    static String shownSecret(Browser browser) {
        List<WebElement> secret = browser.driver().findElements(By.id("secretValue"));
        return secret.isEmpty() ? null : secret.get(0).getText().strip();
    }

    static void rotateSecret(Browser browser, String appId) {
        open(browser, "apps");
        submit(browser, rowButton("apps:table", appId, "rotate"));
    }

    static void askToRemoveApp(Browser browser, String appId) {
        open(browser, "apps");
        submit(browser, rowButton("apps:table", appId, "remove"));
    }

    static void confirmAppRemoval(Browser browser) {
        submit(browser, By.id("apps:confirmRemove"));
    }

    // ------------------------------------------------------------------ patients

    static void importPatientFile(Browser browser, Path file) {
        open(browser, "patients");
        chooseFile(browser, By.id("import:patientFile"), file);
        submit(browser, By.id("import:importButton"));
    }

    /** "Records in the store: N" as N. */
    static long recordCount(Browser browser) {
        return Long.parseLong(text(browser, "recordCount").replaceAll("\\D", ""));
    }

    static void generatePatients(Browser browser, int count) {
        open(browser, "patients");
        WebElement field = browser.driver().findElement(By.id("generate:count_input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(Integer.toString(count));
        submit(browser, By.id("generate:generateButton"));
    }

    static void findRecords(Browser browser, String text) {
        open(browser, "patients");
        type(browser, "records:find", text);
        submit(browser, By.id("records:findButton"));
    }

    static void askToDeleteRecord(Browser browser, String recordId) {
        findRecords(browser, recordId);
        submit(browser, rowButton("records:table", recordId, "delete"));
    }

    static void confirmRecordDeletion(Browser browser) {
        submit(browser, By.id("records:confirmDelete"));
    }

    // ------------------------------------------------------------------ audit, settings, account pages

    static void filterAudit(Browser browser, Map<String, String> filters) {
        open(browser, "audit");
        filters.forEach((field, value) -> type(browser, "audit:" + field, value));
        submit(browser, By.id("audit:apply"));
    }

    static String auditReport(Browser browser) {
        return browser.driver().findElement(By.cssSelector("[id='audit:events'] .ui-paginator-current")).getText();
    }

    /** Chooses off, approval or open on the settings page and saves. */
    static void setRegistration(Browser browser, String value) {
        open(browser, "settings");
        for (WebElement radio : browser.driver().findElements(By.cssSelector("[id='settings:registration'] input[type=radio]"))) {
            if (radio.getAttribute("value").equals(value)) {
                WebElement box = radio.findElement(By.xpath("./ancestor::div[contains(@class,'ui-radiobutton')][1]"));
                box.click();
            }
        }
        submit(browser, By.id("settings:save"));
    }

    static void register(Browser browser, String username, String password) {
        browser.open("/register.xhtml");
        type(browser, "register:username", username);
        type(browser, "register:givenName", "Self");
        type(browser, "register:familyName", "Registered");
        type(browser, "register:password", password);
        type(browser, "register:confirm", password);
        submit(browser, By.id("register:registerButton"));
    }

    static void changePassword(Browser browser, String current, String next) {
        browser.open("/account/password.xhtml");
        browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(By.id("password:current")));
        type(browser, "password:current", current);
        type(browser, "password:next", next);
        type(browser, "password:confirm", next);
        submit(browser, By.id("password:change"));
    }

    /** The texts of every message on the sign-in page (errors and notices). */
    static String signInMessages(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#login\\:messages")).stream().map(WebElement::getText)
                .collect(Collectors.joining("\n"));
    }

    // ------------------------------------------------------------------ layout and accessibility

    /** Sets the window to "desktop" (1280x800) or "tablet" (800x1280) and answers e.g. "800x1280". */
    static String resize(Browser browser, String width) {
        Dimension size = width.equals("tablet") ? TABLET : DESKTOP;
        browser.driver().manage().window().setSize(size);
        return size.getWidth() + "x" + size.getHeight();
    }

    /** Whether the header shows a logo image. */
    static boolean showsLogo(Browser browser) {
        return !browser.driver().findElements(By.cssSelector("img.portal-logo")).isEmpty();
    }

    /** Opens /showcase and waits for the patient list. */
    static void enterShowcase(Browser browser) {
        browser.open("/showcase");
        browser.waitUpTo(WAIT_SECONDS).until(d -> !d.findElements(By.id("picker:patients")).isEmpty());
    }

    /** Whether the page is wider than the window (a horizontal scroll bar). */
    static boolean scrollsSideways(Browser browser) {
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(overflow);
    }

    /** The ids (or names) of form fields that have no label: no label[for], no wrapping label, no aria label. */
    static List<String> unlabelledFields(Browser browser) {
        Object result = ((JavascriptExecutor) browser.driver()).executeScript("""
                const out = [];
                for (const el of document.querySelectorAll('input, select, textarea')) {
                  const type = (el.getAttribute('type') || '').toLowerCase();
                  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
                  if (el.closest('[aria-hidden=true]')) continue;
                  const labelled = (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]'))
                      || el.closest('label') || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
                      || el.getAttribute('title');
                  if (!labelled) out.push(el.id || el.name || el.outerHTML.substring(0, 80));
                }
                return out;""");
        List<String> ids = new ArrayList<>();
        if (result instanceof List<?> list) {
            list.forEach(o -> ids.add(String.valueOf(o)));
        }
        return ids;
    }

    /** Presses Tab once from the top of the page and describes the focused element. */
    static String firstTabStop(Browser browser) {
        WebDriver driver = browser.driver();
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0,0);");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        return focused.getTagName() + "|" + focused.getText() + "|" + focused.getAttribute("href");
    }

    /** Follows the skip link with the keyboard and answers the id of the element that then has focus. */
    static String focusAfterSkipLink(Browser browser) {
        WebDriver driver = browser.driver();
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        return browser.waitUpTo(5).until(d -> {
            String id = d.switchTo().activeElement().getAttribute("id");
            return id == null || id.isEmpty() ? null : id;
        });
    }

    /** Whether the focused element draws a visible outline or focus shadow. */
    static boolean focusIsVisible(Browser browser) {
        Object visible = ((JavascriptExecutor) browser.driver()).executeScript("""
                const s = getComputedStyle(document.activeElement);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');""");
        return Boolean.TRUE.equals(visible);
    }

    /** The computed background colour of the header, e.g. rgb(122, 31, 92). */
    static String headerColour(Browser browser) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.querySelector('.portal-header')).backgroundColor;"));
    }

    // ------------------------------------------------------------------ the same portal over plain HTTP

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** The view state id in a JSF page. */
    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no jakarta.faces.ViewState in the page");
        }
        return m.group(1);
    }

    /** Signs in through the sign-in form over HTTP; the client keeps the session cookie. Answers the last response. */
    static HttpResponse<String> signInOverHttp(HttpClient client, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = TestServer.get(client, "/login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", password);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return post(client, "/login.xhtml", form);
    }

    /** A form-encoded POST. */
    static HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(TestServer.base().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
