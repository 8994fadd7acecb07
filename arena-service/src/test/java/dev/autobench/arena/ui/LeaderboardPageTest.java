package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The leaderboard page on a snapshot computed from votes that encode a known order. */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class LeaderboardPageTest {

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass();

    private Browser browser;

    @BeforeEach
    void seedVotesAndWaitForTheSnapshot() {
        int votes = UiFixtures.seedRankingVotes();
        // seeding asked for a recomputation (POST /api/leaderboard/recompute); the board serves it once stored
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath board = given().accept("application/json").get("/api/leaderboard").then().extract().jsonPath();
            Number counted = board.get("votes");
            return counted != null && counted.intValue() >= votes;
        });
    }

    @Test
    void listsTheModelsInRatingOrderWithTheirIntervals() {
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#ranking tbody tr"));

        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#ranking tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-model"))
                .containsExactlyElementsOf(new ArrayList<>(UiFixtures.MODELS.keySet()));
        double previous = Double.POSITIVE_INFINITY;
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.cssSelector("td, th"));
            double rating = number(cells.get(3).getText());
            String[] interval = cells.get(4).getText().split("–");
            assertThat(interval).hasSize(2);
            assertThat(number(interval[0])).isLessThanOrEqualTo(rating);
            assertThat(number(interval[1])).isGreaterThanOrEqualTo(rating);
            assertThat(rating).isLessThanOrEqualTo(previous);
            previous = rating;
            assertThat(number(cells.get(7).getText())).isGreaterThanOrEqualTo(60); // 3 pairs × 20 seeded votes
            assertThat(cells.get(9).getText()).endsWith("%");
        }
        assertThat(rows.get(0).findElement(By.cssSelector("th")).getText()).startsWith("Alpha Coder");
        assertThat(browser.driver.findElement(By.id("summary")).getText()).contains("Last updated", "votes");

        assertThat(browser.driver.findElements(By.cssSelector("#rating-chart svg g[data-model] circle"))).hasSize(4);
        assertThat(browser.driver.findElements(By.cssSelector("#rating-chart svg line.ci"))).hasSize(4);
        assertThat(browser.driver.findElements(By.cssSelector("#heatmap svg rect"))).hasSize(16);
        assertThat(browser.driver.findElement(By.id("download-csv")).getAttribute("href")).endsWith("/api/leaderboard.csv");
        assertThat(browser.driver.findElement(By.id("download-votes")).getAttribute("href")).endsWith("/api/export/votes");
        browser.screenshot("leaderboard-desktop");
        browser.colorScheme("dark");
        browser.screenshot("leaderboard-desktop-dark");
        browser.colorScheme("light");

        assertThat(browser.cspViolations()).isEmpty();
        browser.phone();
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#ranking tbody tr"));
        browser.screenshot("leaderboard-phone");
        browser.desktop();
    }

    @Test
    void showsTheStyleControlledRatingRankAndEachCovariatesEffect() {
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#effects tbody tr"));

        WebElement header = browser.driver.findElement(By.cssSelector("#ranking th[data-key=styleRating]"));
        assertThat(header.isDisplayed()).isTrue();
        assertThat(header.getText()).isEqualToIgnoringCase("Style-controlled"); // headers are upper-cased by CSS
        JsonPath api = given().accept("application/json").get("/api/leaderboard").then().extract().jsonPath();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#ranking tbody tr"))) {
            List<WebElement> cells = row.findElements(By.cssSelector("td, th"));
            String slug = row.getAttribute("data-model");
            Number styleRating = api.get("models.find { it.model == '" + slug + "' }.styleRating");
            Number styleRank = api.get("models.find { it.model == '" + slug + "' }.styleRank");
            assertThat(number(cells.get(5).getText().split("\\(")[0]))
                    .isCloseTo(styleRating.doubleValue(), org.assertj.core.api.Assertions.within(0.51));
            assertThat(cells.get(5).getText()).contains("–");
            assertThat(number(cells.get(6).getText())).isEqualTo(styleRank.doubleValue());
        }
        assertThat(browser.driver.findElement(By.id("style")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.cssSelector("#effects tbody tr")))
                .extracting(r -> r.getAttribute("data-covariate"))
                .containsExactly("code_length", "external_libraries", "js_errors", "render_time");
        assertThat(browser.driver.findElement(By.cssSelector("#effects tbody tr[data-covariate=code_length]")).getText())
                .contains("per doubling");
        assertThat(browser.driver.findElement(By.id("position")).getText())
                .startsWith("Left side won").contains("decisive votes", "95% interval");
    }

    @Test
    void headersSortTheTableAndTheCategoryFilterReloadsIt() {
        browser.open("/leaderboard.html");
        browser.await(By.cssSelector("#ranking tbody tr"));

        WebElement rating = browser.driver.findElement(By.cssSelector("th[data-key='rating']"));
        rating.findElement(By.tagName("button")).click();
        assertThat(rating.getAttribute("aria-sort")).isEqualTo("descending");
        rating.findElement(By.tagName("button")).click();
        assertThat(rating.getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(firstModel()).isEqualTo("gamma-img");
        assertThat(browser.driver.findElement(By.cssSelector("th[data-key='rank']")).getAttribute("aria-sort"))
                .isEqualTo("none");

        Select category = new Select(browser.driver.findElement(By.id("category")));
        browser.waitUntil(d -> category.getOptions().stream().anyMatch(o -> o.getAttribute("value").equals("interactive")));
        category.selectByValue("interactive");
        browser.waitUntil(d -> d.getCurrentUrl().contains("category=interactive"));
        browser.waitUntil(d -> d.findElement(By.id("download-csv")).getAttribute("href").endsWith("?category=interactive"));
        browser.await(By.cssSelector("#ranking tbody tr"));
        assertThat(browser.driver.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(4);
    }

    private String firstModel() {
        return browser.driver.findElement(By.cssSelector("#ranking tbody tr")).getAttribute("data-model");
    }

    private static double number(String text) {
        return Double.parseDouble(text.replaceAll("[^0-9.\\-]", ""));
    }
}
