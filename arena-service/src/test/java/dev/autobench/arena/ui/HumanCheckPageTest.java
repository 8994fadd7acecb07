package dev.autobench.arena.ui;

import dev.autobench.arena.support.HumanCheckProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the human check on, the arena page loads the provider's widget (a stand-in that solves the
 * challenge at once, served like Turnstile's script), sends its token, says the votes count, and the
 * vote that follows is counted; the page's CSP lets the widget in and nothing breaks it.
 */
@QuarkusTest
@TestProfile(HumanCheckPageTest.Checked.class)
class HumanCheckPageTest {

    public static class Checked extends UiTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autobench.arena.min-view-time", "0s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UiDatabase.class), new TestResourceEntry(HumanCheckProvider.class));
        }
    }

    @RegisterExtension
    static final Browsers browsers = Browsers.freshPerTest(UiFixtures::seed);

    private Browser browser;

    /** Waits for the check to pass; on a timeout, says what the page showed and what the browser refused. */
    private void awaitPassed() {
        try {
            browser.waitUntil(d -> "passed".equals(d.findElement(By.id("human-check")).getAttribute("data-state")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the human check did not pass; the box: "
                    + browser.driver.findElement(By.id("human-check")).getAttribute("outerHTML")
                    + "; CSP violations: " + browser.cspViolations()
                    + "; siteverify calls: " + HumanCheckProvider.server.getAllServeEvents().size(), e);
        }
    }

    @Test
    void thePagePassesTheCheckAndItsVoteCounts() throws SQLException {
        browser.open("/");
        awaitPassed();
        assertThat(browser.driver.findElement(By.id("human-check")).getText()).contains("your votes count");
        HumanCheckProvider.server.verify(1, postRequestedFor(urlPathEqualTo(HumanCheckProvider.VERIFY_PATH)));
        String cookie = browser.driver.manage().getCookieNamed("ab_voter").getValue();
        assertThat(cookie.split("\\.")).hasSize(4);

        browser.waitUntil(d -> d.findElement(By.id("vote-left")).isEnabled());
        browser.driver.findElement(By.id("vote-left")).click();
        String said = browser.await(By.id("reveal-text")).getText();
        assertThat(said).contains("You picked A.").doesNotContain("not counted");
        try (Connection db = UiFixtures.connect();
             ResultSet votes = db.createStatement().executeQuery("SELECT counted FROM votes")) {
            assertThat(votes.next()).isTrue();
            assertThat(votes.getBoolean(1)).isTrue();
        }
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshot("arena-human-check-desktop");

        // a reload does not ask again: the check is in the cookie
        browser.open("/");
        awaitPassed();
        HumanCheckProvider.server.verify(1, postRequestedFor(urlPathEqualTo(HumanCheckProvider.VERIFY_PATH)));
    }
}
