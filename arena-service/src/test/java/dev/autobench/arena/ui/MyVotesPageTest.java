package dev.autobench.arena.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a vote the arena says when the names will be shown; "My votes" lists this browser's votes,
 * anonymous while their task is open and with both models once it has closed, and never another
 * browser's votes.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class MyVotesPageTest {

    @TestHTTPResource("/")
    URL base;

    @RegisterExtension
    static final Browsers browsers = Browsers.freshPerTest(UiFixtures::seed);

    private Browser browser;

    @Test
    void aVoteOnAnOpenTaskStaysAnonymousAndAClosedTasksVoteShowsWhoWasWho() {
        browser.open("/my-votes.html");
        assertThat(browser.await(By.id("no-votes")).getText()).contains("No votes from this browser yet");

        browser.open("/");
        browser.waitUntil(d -> d.findElement(By.id("vote-left")).isEnabled());
        String openMatch = browser.driver.findElement(By.id("match")).getAttribute("data-match-id");
        browser.driver.findElement(By.id("vote-left")).click();
        String said = browser.await(By.id("reveal-text")).getText();
        assertThat(said).contains("You picked A.", "will be shown on", "when voting closes");
        assertNoModelNamed(browser.driver.getPageSource());

        browser.driver.findElement(By.linkText("My votes")).click();
        WebElement open = browser.await(By.cssSelector("#my-votes tr[data-match-id='" + openMatch + "']"));
        assertThat(open.getText()).contains("A is better", "Anonymous until");
        assertThat(open.findElements(By.cssSelector("td[data-hidden-until]"))).hasSize(2);
        assertNoModelNamed(browser.driver.getPageSource());
        browser.screenshot("my-votes-open-desktop");

        UUID closedMatch = UiFixtures.voteOnClosedTask(browser.driver.manage().getCookieNamed("ab_voter").getValue());
        browser.open("/my-votes.html");
        WebElement closed = browser.await(By.cssSelector("#my-votes tr[data-match-id='" + closedMatch + "']"));
        List<String> models = closed.findElements(By.cssSelector("td[data-model]")).stream()
                .map(td -> td.getAttribute("data-model")).toList();
        assertThat(models).containsExactly("beta-script", "gamma-img");
        assertThat(closed.getText()).contains("(anthropic)", "(google)", "not counted");
        // the open task's row is still anonymous next to it
        assertThat(browser.driver.findElement(By.cssSelector("#my-votes tr[data-match-id='" + openMatch + "']")).getText())
                .contains("Anonymous until");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshot("my-votes-desktop");

        // another browser sees none of it
        try (Browser other = new Browser(base)) {
            other.open("/my-votes.html");
            assertThat(other.await(By.id("no-votes")).getText()).contains("No votes from this browser yet");
        }
    }

    private static void assertNoModelNamed(String page) {
        for (var model : UiFixtures.MODELS.entrySet()) {
            assertThat(page).doesNotContain(model.getKey()).doesNotContain(model.getValue());
        }
    }
}
