package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leaderboard page over time: the task-days control reloads the board through the API, each
 * row shows the model's days in the arena, and the ratings-over-time chart draws one line per model
 * with a text description and a table beside it.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class LeaderboardTimePageTest {

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass();

    private Browser browser;

    /** The seeded votes are on a task of three days ago; today's task is still open. */
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void seedVotesAndWaitForTheBoardAndItsHistory() {
        int votes = UiFixtures.seedRankingVotes();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath board = given().accept("application/json").get("/api/leaderboard").then().extract().jsonPath();
            Number counted = board.get("votes");
            return counted != null && counted.intValue() >= votes;
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<?> series = given().get("/api/leaderboard/history").then().extract().jsonPath().getList("models");
            if (series.size() < UiFixtures.MODELS.size()) {
                given().header("x-cron-secret", "arena-test-cron-secret").post("/api/leaderboard/recompute");
                return false;
            }
            return true;
        });
    }

    @Test
    void theTaskDaysControlReloadsTheBoardAndTheDownloadForThoseDaysOnly() {
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#ranking tbody tr"));
        assertThat(pressed()).isEqualTo("all");
        assertThat(summary()).startsWith("All task days");

        button("7d").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("window=7d"));
        browser.waitUntil(d -> summary().startsWith("Last 7 days (" + today.minusDays(6) + " to " + today + ")"));
        assertThat(pressed()).isEqualTo("7d");
        assertThat(browser.driver.findElement(By.id("download-csv")).getAttribute("href")).endsWith("?window=7d");
        assertThat(rows()).hasSize(4);

        // days without a closed task's vote: the board says so
        range(today.minusDays(1), today);
        browser.waitUntil(d -> d.getCurrentUrl().contains("from=" + today.minusDays(1)));
        browser.waitUntil(d -> d.findElement(By.id("status")).getText().contains("No votes on the tasks of these days"));
        assertThat(browser.driver.findElement(By.id("board")).isDisplayed()).isFalse();
        assertThat(pressed()).isNull();
        assertThat(browser.driver.findElement(By.id("download-csv")).getAttribute("href"))
                .endsWith("?from=" + today.minusDays(1) + "&to=" + today);

        // the day of the votes: the whole board again
        range(today.minusDays(3), today.minusDays(3));
        browser.waitUntil(d -> summary().startsWith("Task days " + today.minusDays(3) + " to " + today.minusDays(3)));
        browser.await(By.cssSelector("#ranking tbody tr"));
        assertThat(rows()).hasSize(4);
        assertThat(rows().get(0).getAttribute("data-model")).isEqualTo("alpha-coder");

        // the first day after the last is refused on the page, before any request
        browser.js("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                browser.driver.findElement(By.id("from")), today.toString(),
                browser.driver.findElement(By.id("to")), today.minusDays(1).toString());
        browser.driver.findElement(By.id("apply-range")).click();
        browser.waitUntil(d -> d.findElement(By.id("status")).getText().contains("the first not after the last"));

        // a link to a window opens on it
        browser.open("/leaderboard.html?window=30d");
        browser.waitUntil(d -> summary().startsWith("Last 30 days"));
        assertThat(pressed()).isEqualTo("30d");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void eachRowShowsTheModelsFirstAndLastDayInTheArena() {
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#ranking tbody tr"));
        for (WebElement row : rows()) {
            String days = row.findElement(By.cssSelector("td.arena-days")).getText();
            // every model answered the ranked task 3 days ago; delta-v's answer of 2 days ago timed out
            String last = row.getAttribute("data-model").equals("delta-v") ? today.minusDays(3).toString()
                    : today.minusDays(2).toString();
            assertThat(days).as(row.getAttribute("data-model")).isEqualTo(today.minusDays(3) + " – " + last);
        }
    }

    @Test
    void theRatingsOverTimeChartDrawsALinePerModelWithADescriptionAndATable() {
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#history-chart svg"));
        List<WebElement> lines = browser.driver.findElements(By.cssSelector("#history-chart svg g[data-model] path.series"));
        assertThat(lines).hasSize(4);
        WebElement chart = browser.driver.findElement(By.cssSelector("#history-chart svg"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.getAttribute("aria-labelledby")).contains("history-desc");
        String description = browser.driver.findElement(By.id("history-desc")).getAttribute("textContent");
        for (String name : UiFixtures.MODELS.values()) {
            assertThat(description).contains(name);
        }
        assertThat(browser.driver.findElements(By.cssSelector("#history-legend li"))).hasSize(4);
        // the table fallback: a row per computed day, newest first, a column per model
        browser.driver.findElement(By.cssSelector("#history details summary")).click();
        List<WebElement> days = browser.driver.findElements(By.cssSelector("#history-table tbody tr"));
        assertThat(days).extracting(r -> r.getAttribute("data-day"))
                .containsExactly(today.minusDays(2).toString(), today.minusDays(3).toString());
        assertThat(browser.driver.findElements(By.cssSelector("#history-table thead th"))).hasSize(5);
        JsonPath history = given().get("/api/leaderboard/history").then().extract().jsonPath();
        Number alpha = history.get("models.find { it.model == 'alpha-coder' }.points[0].rating");
        assertThat(browser.driver.findElement(By.cssSelector("#history-table tbody tr[data-day='" + today.minusDays(3)
                + "']")).getText().replaceAll("[,\u00a0\u202f]", "")) // thousands separators
                .contains(String.valueOf(Math.round(alpha.doubleValue())));
        browser.screenshot("leaderboard-history");
        assertThat(browser.cspViolations()).isEmpty();
    }

    private void range(LocalDate from, LocalDate to) {
        browser.js("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                browser.driver.findElement(By.id("from")), from.toString(),
                browser.driver.findElement(By.id("to")), to.toString());
        browser.driver.findElement(By.id("apply-range")).click();
    }

    private WebElement button(String window) {
        return browser.driver.findElement(By.cssSelector("#windows button[data-window='" + window + "']"));
    }

    private String pressed() {
        return browser.driver.findElements(By.cssSelector("#windows button[aria-pressed='true']")).stream()
                .map(b -> b.getAttribute("data-window")).findFirst().orElse(null);
    }

    private String summary() {
        return browser.driver.findElement(By.id("summary")).getText();
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#ranking tbody tr"));
    }
}
