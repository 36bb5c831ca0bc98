package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * The web console in a real browser (headless Chromium), as an operator uses it: node b's console
 * (b connects to a, which runs the broker), changes made through a's REST API. Log in; see both
 * nodes with one configuration; see a change made on a in b's configuration view; switch b's
 * consuming off from the page and see its lag grow, on again and see it catch up; retry a failed
 * event from the page; a phone's screen; a refused login and the logout. Each step leaves a
 * screenshot in {@code target/console-screenshots}. Skipped where Chromium or its driver is not
 * installed.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ConsoleBrowserTest {

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots.directory", "target/console-screenshots"));
    private static final String AUTHORIZATION_KEY = "geoserver-console.authorization";

    private static HeadlessChromium chromium;
    private static ChromeDriver page;
    private static KarafNode a;
    private static KarafNode b;

    @BeforeClass
    public static void startBrowserAndCluster() throws Exception {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            System.out.println("ConsoleBrowserTest skipped: " + missing);
        }
        Assume.assumeTrue("ConsoleBrowserTest needs " + missing, missing == null);
        KarafNode.deleteRecursively(SCREENSHOTS);
        chromium = HeadlessChromium.start(Path.of(System.getProperty("console.browser.directory", "target/console-browser")), 1280, 900);
        page = chromium.driver();
        a = KarafNode.unpack("console-a");
        b = KarafNode.unpack("console-b");
        a.cluster("", false).start();
        b.cluster(a.brokerUrl(), false).start();
        for (KarafNode node : List.of(a, b)) {
            node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
        }
    }

    @AfterClass
    public static void stopBrowserAndCluster() {
        if (chromium != null) {
            chromium.close();
        }
        for (KarafNode node : new KarafNode[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    // ---------------------------------------------------------------- what the page shows

    private static WebElement byId(String id) {
        return page.findElement(By.id(id));
    }

    private static WebElement card(KarafNode node) {
        return page.findElement(By.cssSelector("#nodes [data-node='" + node.name() + "']"));
    }

    private static WebElement nodeField(KarafNode node, String field) {
        return card(node).findElement(By.cssSelector("[data-field='" + field + "']"));
    }

    private static String role(KarafNode node, String role) {
        return card(node).findElement(By.cssSelector("[data-role='" + role + "']")).getAttribute("data-on");
    }

    private static long behindEvents(KarafNode node) {
        return Long.parseLong(nodeField(node, "behind").getAttribute("data-events"));
    }

    private static boolean sameConfiguration(KarafNode node) {
        return "true".equals(card(node).getAttribute("data-same"));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        chromium.await(what + " on the page", PAGE, driver -> condition.getAsBoolean());
    }

    /** The whole page; the window alone while a dialog is open (its backdrop covers the window only). */
    private static void screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        if (page.findElements(By.cssSelector("dialog[open]")).isEmpty()) {
            chromium.fullPageScreenshot(file);
        } else {
            chromium.screenshot(file);
        }
    }

    private static String status() {
        return byId("status").getText();
    }

    /** Clicks an action button, waits for its confirmation dialog and confirms. */
    private static void clickAndConfirm(WebElement button, String screenshot) {
        button.click();
        await("the confirmation dialog", () -> byId("confirm-dialog").isDisplayed());
        if (screenshot != null) {
            screenshot(screenshot);
        }
        byId("confirm-ok").click();
        await("the confirmation dialog to close", () -> !byId("confirm-dialog").isDisplayed());
    }

    /** Waits for the status line to report the answer to an action (not its "…" while it runs). */
    private static String awaitAnswer(String contained) {
        await("the status line to say '" + contained + "'", () -> status().contains(contained) && !"pending".equals(byId("toast").getAttribute("data-outcome")));
        return status();
    }

    private static void awaitConverged(String what) {
        Wait.until("a and b to converge after " + what, CONVERGENCE, () -> a.digest().equals(b.digest()),
                () -> "a=" + a.digest() + " b=" + b.digest() + "\nb: " + b.ssh("cluster:status"));
    }

    private static void logIn(String user, String password) {
        byId("login-user").clear();
        byId("login-user").sendKeys(user);
        byId("login-password").clear();
        byId("login-password").sendKeys(password);
        byId("login-submit").click();
    }

    private static Object script(String javaScript) {
        return page.executeScript(javaScript);
    }

    // ---------------------------------------------------------------- steps

    @Test
    public void t1_theConsoleShowsNothingBeforeALoginThenBothNodesWithOneConfiguration() {
        page.get("http://127.0.0.1:" + b.httpPort() + "/geoserver");
        await("/geoserver to lead to the console's login form", () -> page.getCurrentUrl().endsWith("/geoserver/web/") && byId("login").isDisplayed());
        assertFalse(byId("console").isDisplayed());
        assertEquals("nothing of the cluster before a login", 0L, script("return document.querySelectorAll('#nodes > *, #workspaces > *, #kept-rows > *').length"));
        assertEquals("the user field has the focus", "login-user", script("return document.activeElement.id"));
        screenshot("01-login");

        logIn(KarafNode.USER, "wrong");
        await("the refused login's message", () -> byId("login-error").isDisplayed());
        assertTrue(byId("login-error").getText(), byId("login-error").getText().contains("Wrong user name or password"));
        assertFalse(byId("console").isDisplayed());
        screenshot("02-login-refused");

        logIn(KarafNode.USER, KarafNode.PASSWORD);
        await("the console", () -> byId("console").isDisplayed() && !byId("login").isDisplayed());
        assertNotNull("the login is kept in the tab's session storage", script("return sessionStorage.getItem('" + AUTHORIZATION_KEY + "')"));
        assertEquals("and nowhere else", 0L, script("return localStorage.length"));
        await("the sample workspace in the configuration view", () -> !page.findElements(By.cssSelector("#workspaces [data-workspace='demo']")).isEmpty());
        await("the overview of console-b", () -> "console-b".equals(byId("this-node").getText()));
        await("both nodes with the same configuration", () -> sameConfiguration(a) && sameConfiguration(b));
        assertEquals("true", card(b).getAttribute("data-self"));
        assertEquals("false", card(a).getAttribute("data-self"));
        for (KarafNode node : List.of(a, b)) {
            assertEquals(node.name(), "true", role(node, "master"));
            assertEquals(node.name(), "true", role(node, "slave"));
        }
        assertTrue(nodeField(a, "configuration").getText(), nodeField(a, "configuration").getText().startsWith("same as this node's"));
        screenshot("03-cluster");
    }

    @Test
    public void t2_aChangeMadeOnAAppearsInBsConfigurationView() {
        expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"made-on-a\"}}"), 201);
        expect(a.rest().post("/workspaces/made-on-a/datastores", "{\"dataStore\":{\"name\":\"store-on-a\",\"type\":\"Shapefile\"}}"), 201);
        await("b's configuration view to list the new workspace by itself",
                () -> !page.findElements(By.cssSelector("#workspaces [data-workspace='made-on-a']")).isEmpty());
        WebElement workspace = page.findElement(By.cssSelector("#workspaces [data-workspace='made-on-a']"));
        workspace.findElement(By.tagName("summary")).click();
        await("the workspace's store", () -> !workspace.findElements(By.cssSelector("[data-part='datastores'] [data-name='store-on-a']")).isEmpty());
        await("both nodes with the same configuration again", () -> sameConfiguration(a) && behindEvents(b) == 0);
        screenshot("04-change-from-a");

        workspace.findElement(By.cssSelector("[data-name='store-on-a'] button")).click();
        await("the store's definition", () -> "shown".equals(byId("text-dialog").getAttribute("data-state")));
        assertTrue(byId("text-body").getText(), byId("text-body").getText().contains("\"Shapefile\""));
        byId("text-body").sendKeys(Keys.ESCAPE);
        await("the definition to close with Escape", () -> !byId("text-dialog").isDisplayed());

        page.findElement(By.cssSelector("#styles [data-name='line'] button")).click();
        await("the style's file", () -> "shown".equals(byId("text-dialog").getAttribute("data-state")));
        assertTrue(byId("text-body").getText(), byId("text-body").getText().contains("StyledLayerDescriptor"));
        assertTrue(byId("text-fields").getText(), byId("text-fields").getText().contains("sld"));
        screenshot("05-style-file");
        byId("text-close").click();
        await("the style's file to close", () -> !byId("text-dialog").isDisplayed());
    }

    @Test
    public void t3_consumingSwitchedOffOnBLetsItFallBehindAndOnAgainCatchesUp() {
        WebElement slave = card(b).findElement(By.cssSelector("button[data-action='slave']"));
        assertEquals("Switch slave off", slave.getText());
        clickAndConfirm(slave, "06-confirm-slave-off");
        awaitAnswer("Switch slave off for console-b:");
        assertEquals(status(), "ok", byId("toast").getAttribute("data-outcome"));
        await("b's slave role off", () -> "false".equals(role(b, "slave")));
        assertTrue(expect(b.rest().get("/cluster/status.json"), 200).body().contains("\"slave\":\"false\""));

        for (int i = 0; i < 5; i++) {
            expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"while-off-" + i + "\"}}"), 201);
        }
        await("b behind by a's first changes", () -> behindEvents(b) >= 10);
        long first = behindEvents(b);
        for (int i = 5; i < 10; i++) {
            expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"while-off-" + i + "\"}}"), 201);
        }
        await("b's lag to grow with a's next changes", () -> behindEvents(b) >= first + 10);
        assertTrue(nodeField(b, "behind").getText(), nodeField(b, "behind").getText().matches("\\d+ events, [0-9.]+ s"));
        screenshot("07-b-behind");

        // On again with the keyboard alone: Enter on the button, Tab from Cancel to Confirm, Enter.
        WebElement on = card(b).findElement(By.cssSelector("button[data-action='slave']"));
        assertEquals("Switch slave on", on.getText());
        on.sendKeys(Keys.ENTER);
        await("the confirmation dialog", () -> byId("confirm-dialog").isDisplayed());
        assertEquals("Cancel has the focus first", "confirm-cancel", script("return document.activeElement.id"));
        page.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("confirm-ok", script("return document.activeElement.id"));
        page.switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitAnswer("Switch slave on for console-b:");
        await("b to catch up: no lag, a's configuration", () -> "true".equals(role(b, "slave")) && behindEvents(b) == 0 && sameConfiguration(a));
        assertEquals("up to date", nodeField(b, "behind").getText());
        await("the workspaces made meanwhile in b's view", () -> !page.findElements(By.cssSelector("#workspaces [data-workspace='while-off-9']")).isEmpty());
        screenshot("08-b-caught-up");
        awaitConverged("consuming on again");
    }

    @Test
    public void t4_aFailedEventIsShownAndRetriedFromThePage() {
        expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"shared\"}}"), 201);
        awaitConverged("workspace shared");
        // b makes a store of the same name without telling a (master off, from the page): a's own store then cannot
        // apply on b; b must not repair the difference by a resync meanwhile
        b.ssh("config:property-set -p org.geoserver.cluster autoResync false");
        clickAndConfirm(card(b).findElement(By.cssSelector("button[data-action='master']")), null);
        awaitAnswer("Switch master off for console-b:");
        await("b's master role off", () -> "false".equals(role(b, "master")));
        expect(b.rest().post("/workspaces/shared/datastores", "{\"dataStore\":{\"name\":\"dup\",\"type\":\"PostGIS\"}}"), 201);
        expect(a.rest().post("/workspaces/shared/datastores", "{\"dataStore\":{\"name\":\"dup\",\"type\":\"Shapefile\"}}"), 201);

        await("a's store kept as failed on b", () -> !page.findElements(By.cssSelector("#kept-rows tr[data-kind='FAILED']")).isEmpty());
        WebElement row = page.findElement(By.cssSelector("#kept-rows tr[data-kind='FAILED']"));
        String id = row.getAttribute("data-kept-id");
        assertTrue(row.getText(), row.getText().contains("already exists"));
        await("b's failed count", () -> "1".equals(nodeField(b, "failed").getText()));
        screenshot("09-failed-event");

        row.findElement(By.cssSelector("button[data-action='show']")).click();
        await("the event's content", () -> "shown".equals(byId("text-dialog").getAttribute("data-state")));
        assertTrue(byId("text-body").getText(), byId("text-body").getText().contains("<dataStore>") && byId("text-body").getText().contains("Shapefile"));
        assertTrue(byId("text-fields").getText(), byId("text-fields").getText().contains("console-a"));
        screenshot("10-failed-event-content");
        byId("text-close").click();
        await("the event's content to close", () -> !byId("text-dialog").isDisplayed());

        clickAndConfirm(row.findElement(By.cssSelector("button[data-action='retry']")), null);
        assertTrue(awaitAnswer("Retry event " + id + ":"), status().contains(id + ": FAILED"));
        assertEquals("a retry that fails again is no success", "error", byId("toast").getAttribute("data-outcome"));
        expect(b.rest().delete("/workspaces/shared/datastores/dup"), 200);
        clickAndConfirm(page.findElement(By.cssSelector("#kept-rows tr[data-kept-id='" + id + "'] button[data-action='retry']")), "11-confirm-retry");
        assertTrue(awaitAnswer("Retry event " + id + ":"), status().contains(id + ": APPLIED"));
        assertEquals("ok", byId("toast").getAttribute("data-outcome"));
        await("the kept events to be empty", () -> byId("kept-empty").isDisplayed() && page.findElements(By.cssSelector("#kept-rows tr")).isEmpty());
        assertTrue(expect(b.rest().get("/workspaces/shared/datastores/dup.json"), 200).body().contains("Shapefile"));
        screenshot("12-retried");

        clickAndConfirm(card(b).findElement(By.cssSelector("button[data-action='master']")), null);
        awaitAnswer("Switch master on for console-b:");
        b.ssh("config:property-set -p org.geoserver.cluster autoResync true");
        awaitConverged("the retried store");
        await("both nodes with the same configuration", () -> "true".equals(role(b, "master")) && sameConfiguration(a) && "0".equals(nodeField(b, "failed").getText()));
    }

    @Test
    public void t5_onAPhoneEverythingFitsTheScreensWidth() {
        Dimension laptop = page.manage().window().getSize();
        try {
            page.manage().window().setSize(new Dimension(390, 844));
            await("the phone's layout", () -> (Boolean) script("return window.innerWidth <= 400"));
            script("window.scrollTo(0, 0)");
            Object tooWide = script("const width = document.documentElement.clientWidth;"
                    + "return Array.from(document.querySelectorAll('body *'), e => [e, e.getBoundingClientRect()])"
                    + ".filter(([e, box]) => box.width > 0 && box.right > width + 0.5)"
                    + ".map(([e, box]) => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right)).join(', ')");
            assertEquals("nothing wider than the screen (" + script("return document.documentElement.clientWidth") + " px)", "", tooWide);
            chromium.screenshot(SCREENSHOTS.resolve("13-phone.png"));
            screenshot("14-phone-whole-page");
        } finally {
            page.manage().window().setSize(laptop);
        }
    }

    @Test
    public void t6_aRefusedLoginAndTheLogoutLeadBackToTheLoginForm() {
        script("sessionStorage.setItem('" + AUTHORIZATION_KEY + "', 'Basic ' + btoa('admin:changed-meanwhile'))");
        page.navigate().refresh();
        await("a 401 to return to the login form", () -> byId("login").isDisplayed() && byId("login-error").getText().contains("401"));
        assertFalse(byId("console").isDisplayed());
        assertNull(script("return sessionStorage.getItem('" + AUTHORIZATION_KEY + "')"));
        assertEquals(0L, script("return document.querySelectorAll('#nodes > *, #workspaces > *, #kept-rows > *').length"));
        screenshot("15-login-again");

        logIn(KarafNode.USER, KarafNode.PASSWORD);
        await("the console again", () -> byId("console").isDisplayed() && !page.findElements(By.cssSelector("#workspaces [data-workspace]")).isEmpty());
        byId("logout").click();
        await("the login form after the logout", () -> byId("login").isDisplayed());
        assertNull(script("return sessionStorage.getItem('" + AUTHORIZATION_KEY + "')"));
        assertEquals("nothing of the cluster is left in the page", 0L,
                script("return document.querySelectorAll('#nodes > *, #workspaces > *, #kept-rows > *, #layers > *, #styles > *').length"));
        screenshot("16-logged-out");
    }

    @Test
    public void t7_thePageRaisedNoScriptErrorAndBrokeNoPolicy() {
        // Refused requests (the wrong logins) are logged as failed loads: anything else is a fault of the page.
        List<LogEntry> errors = chromium.consoleMessages().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(entry -> !entry.getMessage().contains("Failed to load resource: the server responded with a status of 401"))
                .toList();
        assertTrue(errors.stream().map(LogEntry::getMessage).collect(Collectors.joining("\n")), errors.isEmpty());
    }
}
