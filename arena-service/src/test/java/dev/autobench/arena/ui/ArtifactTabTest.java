package dev.autobench.arena.ui;

import dev.autobench.arena.support.ArenaFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An artifact opened in a tab of its own ("Open in new tab", a shared link) is a top-level
 * document on the arena's origin. It tries to navigate the top page to a page of its choosing and
 * to open a pop-up; neither may happen: the tab gets the sandboxing wrapper, not the artifact.
 */
@QuarkusTest
class ArtifactTabTest {

    /** Reports what it tried to its parent, after trying. */
    private static final String HOSTILE = """
            <!doctype html><html><body><p id="state">hostile page</p><script>
            const tried = [];
            try { top.location.href = '/tasks.html?phished=top'; tried.push('top-nav-allowed'); } catch (e) { tried.push('top-nav-refused'); }
            try { const w = window.open('/tasks.html?phished=popup'); tried.push(w ? 'popup-opened' : 'popup-refused'); }
            catch (e) { tried.push('popup-refused'); }
            setTimeout(() => parent.postMessage('done:' + tried.join(','), '*'), 0);
            </script></body></html>
            """;
    /** Installed before any page script, in the top page: records what a framed artifact reports. */
    private static final String LISTENER = "window.addEventListener('message', (e) => { window.__said = String(e.data); });";

    @TestHTTPResource("/")
    URL base;

    @RegisterExtension
    static final Browsers browsers = Browsers.freshPerTest();

    private Browser browser;
    private UUID artifact;

    @BeforeEach
    void seed() throws Exception {
        ArenaFixtures.reset();
        artifact = ArenaFixtures.seed(2, 1, Instant.now(), "games").artifacts().get(0);
        try (Connection c = ArenaFixtures.connect();
             PreparedStatement st = c.prepareStatement("UPDATE artifacts SET html = ?, sha256 = ?, size_bytes = ? WHERE id = ?")) {
            st.setString(1, HOSTILE);
            st.setString(2, ArenaFixtures.sha256(HOSTILE));
            st.setInt(3, HOSTILE.length());
            st.setObject(4, artifact);
            st.executeUpdate();
        }
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
    }

    @Test
    void anArtifactOpenedInATabCannotNavigateTheTopPageOrOpenAPopup() {
        String url = base.toString().replaceAll("/$", "") + "/api/artifacts/" + artifact;
        browser.driver.get(url);
        String said = browser.waitUntil(d -> {
            if (d.getCurrentUrl().contains("phished")) {
                return "navigated to " + d.getCurrentUrl();
            }
            Object value = browser.js("return window.__said || null;");
            return value == null ? null : value.toString();
        });
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(url);
        assertThat(said).startsWith("done:").contains("popup-refused");
        // the top page is the wrapper: the artifact runs only inside its sandboxed frame
        assertThat(browser.driver.findElements(By.cssSelector("iframe[sandbox='allow-scripts']"))).hasSize(1);
        assertThat(browser.driver.findElements(By.id("state"))).isEmpty();
        assertThat(browser.driver.getWindowHandles()).hasSize(1);

        // the frame really ran the artifact
        browser.driver.switchTo().frame(0);
        assertThat(browser.await(By.id("state")).getText()).isEqualTo("hostile page");
        browser.driver.switchTo().defaultContent();
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(url);
    }
}
