package dev.autobench.arena.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The voting loop in a real browser: two live sandboxed solutions, a vote, when the names will be
 * shown (never the names while the task is open), the next match.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class ArenaPageTest {

    @TestHTTPResource("/")
    URL base;

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass(UiFixtures::seed);

    private Browser browser;

    @Test
    void bothSolutionsRunLiveInSandboxedFrames() {
        browser.open("/");
        String matchId = awaitMatch();
        assertThat(matchId).isNotBlank();
        assertThat(browser.driver.findElement(By.id("task-title")).getText()).isEqualTo(UiFixtures.HOSTILE_TITLE);
        assertThat(browser.driver.findElement(By.id("task-prompt")).getText()).contains("balls bounce under gravity");

        List<WebElement> frames = browser.driver.findElements(By.cssSelector(".duel iframe"));
        assertThat(frames).hasSize(2);
        for (WebElement frame : frames) {
            // scripts yes, same origin never: the artifact cannot reach the voter's cookie or the API
            assertThat(frame.getAttribute("sandbox")).isEqualTo("allow-scripts");
            assertThat(frame.getAttribute("src")).contains("/api/artifacts/");
            browser.driver.switchTo().frame(frame);
            assertThat(browser.await(By.id("marker")).getText()).startsWith("Bouncing balls, take ");
            browser.waitUntil(d -> d.findElement(By.id("js")).getText().equals("scripts ran"));
            assertThat(browser.js("try { return String(window.parent.document.title); } catch (e) { return 'blocked'; }"))
                    .isEqualTo("blocked");
            browser.driver.switchTo().defaultContent();
        }
        browser.screenshot("arena-desktop");

        browser.driver.findElement(By.cssSelector("#side-left [data-toggle='shot']")).click();
        WebElement shot = browser.await(By.cssSelector("#side-left [data-panel='shot'] img"));
        browser.waitUntil(d -> (Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0;", shot));
        browser.driver.findElement(By.cssSelector("#side-right [data-toggle='code']")).click();
        assertThat(browser.await(By.cssSelector("#side-right [data-panel='code'] pre")).getText())
                .contains("<script>", "document.getElementById('js')");

        assertThat(browser.cspViolations()).isEmpty();
        assertThat(browser.loadedResources()).allSatisfy(url -> assertThat(url).startsWith(origin()));

        browser.phone();
        browser.open("/");
        awaitMatch();
        browser.screenshot("arena-phone");
        browser.colorScheme("dark");
        browser.screenshot("arena-phone-dark");
        browser.colorScheme("light");
        browser.desktop();
    }

    @Test
    void voteByClickThenByKeyboardSaysWhenTheNamesWillBeShownAndServesAnotherMatch() {
        browser.open("/");
        String first = awaitMatch();

        browser.driver.findElement(By.id("vote-left")).click();
        assertRecordedWithoutNames();
        browser.screenshot("arena-voted-desktop");
        browser.driver.findElement(By.id("next")).click();
        String second = awaitMatchOtherThan(first);

        new Actions(browser.driver).sendKeys("2").perform();
        assertRecordedWithoutNames();
        assertThat(browser.driver.findElement(By.id("vote-right")).getAttribute("class")).contains("chosen");
        new Actions(browser.driver).sendKeys("n").perform();
        String third = awaitMatchOtherThan(second);
        assertThat(third).isNotEqualTo(first);
        assertThat(browser.driver.findElement(By.id("reveal")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("vote-left")).isEnabled()).isTrue();
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void shortcutsIgnoreModifierChordsSuchAsTheBrowsersCtrl1() {
        browser.open("/");
        String match = awaitMatch();
        WebElement summary = browser.driver.findElement(By.cssSelector("#prompt-box summary"));
        summary.sendKeys(Keys.chord(Keys.CONTROL, "1"));
        assertThat(browser.driver.findElement(By.id("reveal")).isDisplayed()).isFalse();
        assertThat(match).isEqualTo(browser.driver.findElement(By.id("match")).getAttribute("data-match-id"));
    }

    private String awaitMatch() {
        browser.await(By.id("match"));
        browser.waitUntil(d -> !d.findElement(By.id("vote-left")).isEnabled() ? null : true);
        return browser.driver.findElement(By.id("match")).getAttribute("data-match-id");
    }

    private String awaitMatchOtherThan(String previous) {
        return browser.waitUntil(d -> {
            WebElement match = d.findElement(By.id("match"));
            String id = match.getAttribute("data-match-id");
            return match.isDisplayed() && id != null && !id.equals(previous)
                    && d.findElement(By.id("vote-left")).isEnabled() ? id : null;
        });
    }

    private void assertRecordedWithoutNames() {
        WebElement reveal = browser.await(By.id("reveal"));
        String text = reveal.findElement(By.id("reveal-text")).getText();
        assertThat(text).contains("will be shown on", "when voting closes", "My votes");
        assertThat(reveal.findElement(By.cssSelector("#reveal-when time")).getAttribute("datetime")).isNotBlank();
        assertThat(reveal.findElement(By.linkText("My votes")).getAttribute("href")).endsWith("/my-votes.html");
        String page = browser.driver.findElement(By.tagName("body")).getText() + browser.driver.getPageSource();
        for (var model : UiFixtures.MODELS.entrySet()) {
            assertThat(page).doesNotContain(model.getKey()).doesNotContain(model.getValue());
        }
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("next");
        assertThat(browser.driver.findElement(By.id("vote-left")).isEnabled()).isFalse();
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/";
    }
}
