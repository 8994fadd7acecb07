package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gallery: today's task while it is voted on, and an older day with every model revealed. */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class TasksGalleryPageTest {

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass(UiFixtures::seed);

    private Browser browser;

    @Test
    void todayShowsEverySolutionsScreenshot() {
        browser.open("/tasks.html");
        WebElement card = browser.await(By.cssSelector("[data-task-id='" + UiFixtures.todayTask + "']"));
        assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo(UiFixtures.HOSTILE_TITLE);
        List<WebElement> shots = card.findElements(By.cssSelector(".sub .shot img"));
        assertThat(shots).hasSize(4);
        for (WebElement shot : shots) {
            browser.js("arguments[0].scrollIntoView()", shot);
            browser.waitUntil(d -> (Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth === 320;", shot));
        }
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("tasks-desktop");
        assertThat(browser.cspViolations()).isEmpty();

        browser.phone();
        browser.open("/tasks.html");
        browser.await(By.cssSelector(".sub .shot img"));
        browser.screenshot("tasks-phone");
        browser.desktop();
    }

    @Test
    void anOlderDayShowsModelsFiguresErrorsCodeAndTheLiveArtifact() {
        browser.open("/tasks.html");
        browser.await(By.cssSelector(".task-card"));
        Select day = new Select(browser.driver.findElement(By.id("day")));
        assertThat(day.getOptions()).hasSizeGreaterThanOrEqualTo(2);
        day.selectByIndex(1);
        WebElement card = browser.await(By.cssSelector("[data-task-id='" + UiFixtures.oldTask + "']"));
        assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo(UiFixtures.OLD_TITLE);
        assertThat(browser.driver.getCurrentUrl()).contains("date=");

        WebElement alpha = card.findElement(By.cssSelector(".sub[data-model='alpha-coder']"));
        assertThat(alpha.findElement(By.tagName("h3")).getText()).isEqualTo("Alpha Coder");
        assertThat(alpha.findElement(By.cssSelector(".stats")).getText())
                .contains("900 / 2,000", "$0.011", "4 s");
        WebElement delta = card.findElement(By.cssSelector(".sub[data-model='delta-v']"));
        assertThat(delta.findElement(By.cssSelector(".error")).getText()).contains("timeout");
        assertThat(delta.findElements(By.cssSelector(".shot img"))).isEmpty();

        alpha.findElement(By.xpath(".//button[normalize-space()='Code']")).click();
        assertThat(browser.await(By.cssSelector(".sub[data-model='alpha-coder'] pre.code")).getText())
                .contains("<h1 id=\"marker\">Todo list, take 1</h1>");
        assertThat(alpha.findElements(By.cssSelector("pre.code .tok-tag"))).isNotEmpty();

        alpha.findElement(By.xpath(".//button[normalize-space()='Run live']")).click();
        WebElement frame = browser.await(By.cssSelector(".sub[data-model='alpha-coder'] iframe"));
        assertThat(frame.getAttribute("sandbox")).isEqualTo("allow-scripts");
        browser.driver.switchTo().frame(frame);
        browser.waitUntil(d -> d.findElement(By.id("js")).getText().equals("scripts ran"));
        browser.driver.switchTo().defaultContent();
        browser.screenshot("tasks-older-day-desktop");
        browser.colorScheme("dark");
        browser.screenshot("tasks-older-day-desktop-dark");
        browser.colorScheme("light");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void aTaskListsItsAutomaticChecksAndEachSolutionWhatPassedAndWhyTheRestFailed() throws Exception {
        try (java.sql.Connection db = UiFixtures.connect(); java.sql.Statement st = db.createStatement()) {
            st.execute("UPDATE tasks SET checks = '[{\"id\": \"list\", \"kind\": \"element\", "
                    + "\"description\": \"A list of todos is shown.\", \"selector\": \"ul\"}, "
                    + "{\"id\": \"drag\", \"kind\": \"drag\", \"description\": \"Dragging reorders the list.\", "
                    + "\"selector\": \"ul\"}]'::jsonb WHERE id = '" + UiFixtures.oldTask + "'");
            st.execute("UPDATE artifacts SET checks = '[{\"id\": \"list\", \"kind\": \"element\", "
                    + "\"description\": \"A list of todos is shown.\", \"outcome\": \"passed\", \"detail\": \"1 visible\", \"ms\": 4}, "
                    + "{\"id\": \"drag\", \"kind\": \"drag\", \"description\": \"Dragging reorders the list.\", "
                    + "\"outcome\": \"failed\", \"detail\": \"nothing changed after dragging across ul\", \"ms\": 900}]'::jsonb, "
                    + "checks_passed = 1, checks_total = 2 WHERE submission_id IN (SELECT s.id FROM submissions s "
                    + "JOIN models m ON m.id = s.model_id WHERE s.task_id = '" + UiFixtures.oldTask + "' AND m.slug = 'alpha-coder')");
        }
        browser.open("/tasks.html");
        browser.await(By.cssSelector(".task-card"));
        new Select(browser.driver.findElement(By.id("day"))).selectByIndex(1);
        WebElement card = browser.await(By.cssSelector("[data-task-id='" + UiFixtures.oldTask + "']"));
        WebElement taskChecks = card.findElement(By.cssSelector("header .checks"));
        assertThat(taskChecks.findElement(By.tagName("summary")).getText()).isEqualTo("Automatic checks (2)");
        taskChecks.findElement(By.tagName("summary")).click();
        assertThat(taskChecks.getText()).contains("A list of todos is shown.", "Dragging reorders the list.");

        WebElement alpha = card.findElement(By.cssSelector(".sub[data-model='alpha-coder']"));
        WebElement results = alpha.findElement(By.cssSelector(".checks"));
        assertThat(results.findElement(By.tagName("summary")).getText()).isEqualTo("Checks 1/2");
        results.findElement(By.tagName("summary")).click();
        assertThat(results.getText()).contains("A list of todos is shown.: passed",
                "Dragging reorders the list.: failed", "nothing changed after dragging across ul");
        assertThat(card.findElements(By.cssSelector(".sub[data-model='delta-v'] .checks"))).isEmpty();
        assertThat(browser.cspViolations()).isEmpty();
    }
}
