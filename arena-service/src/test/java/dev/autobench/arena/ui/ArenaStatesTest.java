package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.fetch.Fetch;
import org.openqa.selenium.devtools.v156.fetch.model.HeaderEntry;
import org.openqa.selenium.devtools.v156.fetch.model.RequestPattern;
import org.openqa.selenium.devtools.v156.fetch.model.RequestStage;
import org.openqa.selenium.interactions.Actions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arena's other states. "Nothing left" comes from the real service once this voter has judged
 * every match; a rate limit and a failing server are answered by the browser itself (CDP Fetch
 * interception) with the problem+json the contract specifies, since the service's own tests
 * already prove when it sends them.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class ArenaStatesTest {

    @RegisterExtension
    static final Browsers browsers = Browsers.freshPerTest(UiFixtures::seed);

    private Browser browser;

    @Test
    void aVoterWhoJudgedEveryMatchIsToldSo() {
        browser.open("/");
        for (int votes = 0; votes < 10 && !caughtUp(); votes++) {
            browser.waitUntil(d -> caughtUp() || d.findElement(By.id("vote-both-bad")).isEnabled());
            if (caughtUp()) {
                break;
            }
            new Actions(browser.driver).sendKeys("4").perform();
            browser.await(By.id("reveal"));
            new Actions(browser.driver).sendKeys("n").perform();
            browser.waitUntil(d -> caughtUp() || !d.findElement(By.id("reveal")).isDisplayed());
        }
        assertThat(browser.await(By.cssSelector("#status h1")).getText()).isEqualTo("You're all caught up");
        assertThat(browser.driver.findElement(By.id("match")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.linkText("See the leaderboard")).getAttribute("href")).endsWith("/leaderboard.html");
        browser.screenshot("arena-nothing-left-desktop");
    }

    @Test
    void aRateLimitedVoteShowsTheRetryAfterAndVotingResumesAfterIt() {
        browser.open("/");
        browser.waitUntil(d -> d.findElement(By.id("vote-left")).isEnabled());
        DevTools devTools = intercept("*/api/arena/votes", 429, "2",
                "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Slow down\"}");

        new Actions(browser.driver).sendKeys("1").perform();
        String notice = browser.await(By.id("vote-msg")).getText();
        assertThat(notice).contains("You can vote again in").containsPattern("in [12] s");
        assertThat(browser.driver.findElement(By.id("vote-left")).isEnabled()).isFalse();
        assertThat(browser.driver.findElement(By.id("reveal")).isDisplayed()).isFalse();
        browser.screenshot("arena-rate-limited-desktop");

        devTools.send(Fetch.disable());
        browser.waitUntil(d -> d.findElement(By.id("vote-left")).isEnabled());
        assertThat(browser.driver.findElement(By.id("vote-msg")).isDisplayed()).isFalse();
        browser.driver.findElement(By.id("vote-left")).click();
        assertThat(browser.await(By.id("reveal-text")).getText()).contains("You picked A.", "will be shown");
    }

    @Test
    void aFailingServerShowsTheProblemAndTryAgainRecovers() {
        DevTools devTools = intercept("*/api/arena/match", 503, null,
                "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"The database is unreachable.\"}");
        browser.open("/");
        assertThat(browser.await(By.cssSelector("#status .notice.error")).getText())
                .contains("Could not load a match: The database is unreachable.");
        assertThat(browser.driver.findElement(By.id("match")).isDisplayed()).isFalse();

        devTools.send(Fetch.disable());
        browser.driver.findElement(By.xpath("//button[normalize-space()='Try again']")).click();
        browser.waitUntil(d -> d.findElement(By.id("vote-left")).isEnabled());
        assertThat(browser.driver.findElement(By.id("task-title")).getText()).isEqualTo(UiFixtures.HOSTILE_TITLE);
    }

    private boolean caughtUp() {
        return !browser.driver.findElements(By.cssSelector("#status h1")).isEmpty();
    }

    /** Answers every request to {@code urlPattern} with a problem+json of the given status. */
    private DevTools intercept(String urlPattern, int status, String retryAfter, String problem) {
        DevTools devTools = browser.driver.getDevTools();
        devTools.createSessionIfThereIsNotOne();
        devTools.addListener(Fetch.requestPaused(), paused -> {
            List<HeaderEntry> headers = retryAfter == null
                    ? List.of(new HeaderEntry("Content-Type", "application/problem+json"))
                    : List.of(new HeaderEntry("Content-Type", "application/problem+json"), new HeaderEntry("Retry-After", retryAfter));
            devTools.send(Fetch.fulfillRequest(paused.getRequestId(), status, Optional.of(headers), Optional.empty(),
                    Optional.of(Base64.getEncoder().encodeToString(problem.getBytes(StandardCharsets.UTF_8))), Optional.empty()));
        });
        devTools.send(Fetch.enable(Optional.of(List.of(new RequestPattern(Optional.of(urlPattern), Optional.empty(),
                Optional.of(RequestStage.REQUEST)))), Optional.empty()));
        return devTools;
    }
}
