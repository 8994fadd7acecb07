package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The leaderboard page's "Does it work?" section: each model's pass rate with its interval, and votes vs checks. */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class PassRateSectionPageTest {

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass();

    private Browser browser;

    @Test
    void showsEachModelsPassRateWithItsIntervalAndWhetherVotersPreferredWorkingPages() throws Exception {
        UiFixtures.seedRankingVotes();
        try (Connection db = UiFixtures.connect(); Statement st = db.createStatement()) {
            // on the closed, voted task: alpha-coder's page passes its one check, every other page fails it
            st.execute("UPDATE artifacts a SET checks = jsonb_build_array(jsonb_build_object('id', 'moves', 'kind', "
                    + "'animates', 'description', 'It swings.', 'outcome', CASE WHEN m.slug = 'alpha-coder' THEN 'passed' "
                    + "ELSE 'failed' END, 'detail', 'seen', 'ms', 1000)), checks_total = 1, "
                    + "checks_passed = CASE WHEN m.slug = 'alpha-coder' THEN 1 ELSE 0 END "
                    + "FROM submissions s JOIN models m ON m.id = s.model_id "
                    + "WHERE a.submission_id = s.id AND s.task_id = '" + UiFixtures.rankedTask + "'");
        }
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#pass-rate-table tbody tr"));
        WebElement section = browser.driver.findElement(By.id("pass-rates"));
        assertThat(section.isDisplayed()).isTrue();
        List<WebElement> rows = section.findElements(By.cssSelector("#pass-rate-table tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        // alpha-coder leads whatever else the shared UI database holds: no other page passed a check
        assertThat(rows.get(0).getText()).startsWith("Alpha Coder").containsPattern("[1-9][0-9.]*% ");
        assertThat(rows.stream().map(WebElement::getText)).anyMatch(t -> t.contains(" 0% ") && t.contains("0 / 1"));
        assertThat(browser.driver.findElement(By.id("votes-vs-checks")).getText()).contains("Do voters prefer working pages?");
        browser.screenshot("leaderboard-pass-rates");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
