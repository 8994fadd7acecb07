package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model names and task titles are data, never markup: the seeded ones carry {@code <script>} and
 * {@code <img src=x onerror=...>} payloads that would set {@code window.__pwned}. Each page must show
 * them as text, create no element from them and run none of them. The CSP would block inline code
 * anyway, so the test also requires that no element was parsed out of the data at all.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class HostileTextTest {

    private static final String BETA = UiFixtures.MODELS.get("beta-script");
    private static final String GAMMA = UiFixtures.MODELS.get("gamma-img");

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass(UiFixtures::seed);

    private Browser browser;

    @Test
    void arenaShowsTheTitleAsText() {
        browser.open("/");
        browser.await(By.id("match"));
        assertThat(browser.driver.findElement(By.id("task-title")).getText()).isEqualTo(UiFixtures.HOSTILE_TITLE);
        assertThat(browser.driver.getTitle()).startsWith(UiFixtures.HOSTILE_TITLE);
        browser.waitUntil(d -> d.findElement(By.id("vote-tie")).isEnabled());
        browser.driver.findElement(By.id("vote-tie")).click();
        browser.await(By.id("reveal"));
        assertNothingRan();
    }

    @Test
    void myVotesShowsTheRevealedHostileNamesAsText() {
        browser.open("/");
        browser.await(By.id("match"));
        UiFixtures.voteOnClosedTask(browser.driver.manage().getCookieNamed("ab_voter").getValue());
        browser.open("/my-votes.html");
        browser.await(By.cssSelector("#my-votes td[data-model='gamma-img']"));
        assertThat(browser.driver.findElement(By.cssSelector("#my-votes td[data-model='beta-script'] strong")).getText())
                .isEqualTo(BETA);
        assertThat(browser.driver.findElement(By.cssSelector("#my-votes td[data-model='gamma-img'] strong")).getText())
                .isEqualTo(GAMMA);
        assertNothingRan();
    }

    @Test
    void leaderboardShowsHostileNamesAsText() {
        UiFixtures.seedRankingVotes(); // the board shows closed tasks' votes only; do not depend on another test's
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#ranking tbody tr[data-model='gamma-img']"));
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-model='beta-script'] th")).getText()).startsWith(BETA);
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-model='gamma-img'] th")).getText()).startsWith(GAMMA);
        assertNothingRan();
    }

    @Test
    void galleryShowsHostileTitlesAndNamesAsText() {
        browser.open("/tasks.html");
        browser.await(By.cssSelector("[data-task-id='" + UiFixtures.todayTask + "'] h2"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-task-id='" + UiFixtures.todayTask + "'] h2")).getText())
                .isEqualTo(UiFixtures.HOSTILE_TITLE);
        new Select(browser.driver.findElement(By.id("day"))).selectByIndex(1);
        browser.await(By.cssSelector(".sub[data-model='gamma-img'] h3"));
        assertThat(browser.driver.findElement(By.cssSelector(".sub[data-model='gamma-img'] h3")).getText()).isEqualTo(GAMMA);
        assertThat(browser.driver.findElement(By.cssSelector(".sub[data-model='beta-script'] h3")).getText()).isEqualTo(BETA);
        assertNothingRan();
    }

    private void assertNothingRan() {
        assertThat(browser.js("return typeof window.__pwned;")).isEqualTo("undefined");
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) browser.js(
                "return [...document.querySelectorAll('script')].map(s => s.getAttribute('src') || 'inline');");
        assertThat(scripts).allSatisfy(src -> assertThat(src).startsWith("/js/"));
        assertThat(browser.js("return document.querySelectorAll('img[src=\"x\"], [onerror]').length;")).isEqualTo(0L);
        assertThat(browser.cspViolations()).isEmpty();
    }
}
