package dev.autobench.arena.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Artifacts served from a separate origin: the arena runs on {@code localhost}, the artifacts are
 * configured on {@code 127.0.0.1} (another origin and another site to the browser, the same
 * process here). The API hands out absolute URLs there, the pages' CSP allows exactly that origin
 * for frames and images, and in Chromium both solutions run and the screenshot loads from it.
 */
@QuarkusTest
@TestProfile(ArtifactOriginTest.SeparateOrigin.class)
class ArtifactOriginTest {

    public static class SeparateOrigin extends UiTestProfile {
        static final int PORT = freePort();
        static final String ORIGIN = "http://127.0.0.1:" + PORT;

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.http.test-port", Integer.toString(PORT));
            config.put("autobench.arena.artifact-base-url", ORIGIN + "/");
            return config;
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TestHTTPResource("/")
    URL base;

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass(UiFixtures::seed);

    private Browser browser;

    @Test
    void theApiAndThePagesPointAtTheArtifactOriginAndItsPagesAllowExactlyIt() {
        Response match = given().get("/api/arena/match");
        match.then().statusCode(200);
        assertThat(match.<String>path("left.artifactUrl")).startsWith(SeparateOrigin.ORIGIN + "/api/artifacts/");
        assertThat(match.<String>path("right.screenshotUrl")).startsWith(SeparateOrigin.ORIGIN + "/api/artifacts/")
                .endsWith("/screenshot.png");
        List<String> galleryUrls = given().get("/api/tasks/" + UiFixtures.todayTask).then().statusCode(200)
                .extract().jsonPath().getList("submissions.artifact.url", String.class);
        assertThat(galleryUrls).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(SeparateOrigin.ORIGIN + "/"));

        String csp = given().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(csp).contains("frame-src 'self' " + SeparateOrigin.ORIGIN + ";")
                .contains("img-src 'self' data: " + SeparateOrigin.ORIGIN + ";")
                .contains("script-src 'self';").contains("connect-src 'self';");

        String artifact = match.path("left.artifactId");
        Response html = given().get("/api/artifacts/" + artifact);
        assertThat(html.header("Content-Security-Policy")).contains("frame-ancestors *").startsWith("sandbox allow-scripts;");
        assertThat(html.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
    }

    @Test
    void inChromiumBothSolutionsRunFromTheArtifactOriginAndTheScreenshotLoads() {
        assertThat(base.getHost()).isEqualTo("localhost");
        browser.open("/");
        browser.waitUntil(d -> d.findElement(By.id("vote-left")).isEnabled());
        List<WebElement> frames = browser.driver.findElements(By.cssSelector(".duel iframe"));
        assertThat(frames).hasSize(2);
        for (WebElement frame : frames) {
            assertThat(frame.getAttribute("src")).startsWith(SeparateOrigin.ORIGIN + "/api/artifacts/");
            browser.driver.switchTo().frame(frame);
            browser.waitUntil(d -> d.findElement(By.id("js")).getText().equals("scripts ran"));
            browser.driver.switchTo().defaultContent();
        }
        browser.driver.findElement(By.cssSelector("#side-left [data-toggle='shot']")).click();
        WebElement shot = browser.await(By.cssSelector("#side-left [data-panel='shot'] img"));
        browser.waitUntil(d -> (Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0;", shot));
        assertThat(shot.getAttribute("src")).startsWith(SeparateOrigin.ORIGIN + "/");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
