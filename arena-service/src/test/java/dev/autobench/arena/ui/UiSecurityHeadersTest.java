package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The pages carry their own strict CSP; the API, and above all the artifacts, keep theirs. */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class UiSecurityHeadersTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Path PAGES = Path.of("src/main/resources/META-INF/resources");

    @Test
    void pagesAndAssetsCarryTheStrictPolicy() {
        for (String path : List.of("/", "/index.html", "/leaderboard.html", "/tasks.html", "/js/arena.js", "/css/app.css")) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", equalTo(CSP))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY");
        }
        given().when().get("/js/common.js").then().contentType(containsString("javascript"));
    }

    @Test
    void apiResponsesAreLeftToTheApi() {
        UiFixtures.seed();
        given().when().get("/api/arena/match").then()
                .header("Content-Security-Policy", org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.nullValue(), not(containsString("frame-ancestors 'none'"))));
        String artifact = given().when().get("/api/arena/match").then().statusCode(200)
                .extract().jsonPath().getString("left.artifactUrl");
        given().when().get(artifact).then().statusCode(200)
                .header("Content-Security-Policy", containsString("sandbox allow-scripts"))
                .header("Content-Security-Policy", not(containsString("frame-ancestors 'none'")));
    }

    /** The CSP forbids inline code; this keeps the source honest before a browser ever sees it. */
    @Test
    void noInlineScriptsHandlersOrStylesInThePages() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern styleAttribute = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern external = Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
        Pattern innerHtml = Pattern.compile("\\.(innerHTML|outerHTML)\\s*=|insertAdjacentHTML|document\\.write");
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                if (file.toString().endsWith(".html")) {
                    assertThat(inlineScript.matcher(text).find()).as("inline script in %s", file).isFalse();
                    assertThat(handler.matcher(text).find()).as("inline handler in %s", file).isFalse();
                    assertThat(styleAttribute.matcher(text).find()).as("style attribute in %s", file).isFalse();
                    assertThat(external.matcher(text).find()).as("external resource in %s", file).isFalse();
                }
                if (file.toString().endsWith(".js")) {
                    assertThat(innerHtml.matcher(text).find()).as("HTML parsing of strings in %s", file).isFalse();
                }
            }
        }
    }
}
