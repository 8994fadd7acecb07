package dev.autobench.arena;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The UI's static files: strong ETags, a gzip copy, pages that name their assets by content hash,
 * and assets under their hash cached for good; a page is always revalidated.
 */
@QuarkusTest
class StaticFilesTest {

    private static final RestAssuredConfig NO_DECODING = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void aPageIsRevalidatedAndNamesItsScriptsStylesAndIconByContentHash() {
        Response page = given().config(NO_DECODING).header("Accept-Encoding", "identity").get("/");
        page.then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Encoding", nullValue());
        String etag = page.header("ETag");
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        given().config(NO_DECODING).header("Accept-Encoding", "identity").header("If-None-Match", etag).get("/")
                .then().statusCode(304).header("ETag", equalTo(etag));

        Matcher script = Pattern.compile("src=\"(/js/arena\\.js)\\?v=([0-9a-f]+)\"").matcher(page.asString());
        assertThat(script.find()).as("the page names its script by hash").isTrue();
        assertThat(page.asString()).containsPattern("href=\"/css/app\\.css\\?v=[0-9a-f]+\"");
        given().get(script.group(1) + "?v=" + script.group(2)).then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", containsString("immutable"))
                .body(containsString("./common.js?v="));
        given().get(script.group(1)).then().statusCode(200).header("Cache-Control", "no-cache");
        given().get(script.group(1) + "?v=stale").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void everyPageCarriesTheSharedHeadAndHeaderWithItsOwnLinkMarkedCurrent() {
        java.util.Map<String, String> ownLink = java.util.Map.of("/", "/", "/leaderboard.html", "/leaderboard.html",
                "/tasks.html", "/tasks.html", "/my-votes.html", "/my-votes.html");
        ownLink.forEach((path, link) -> {
            String page = given().get(path).then().statusCode(200).extract().asString();
            assertThat(page).doesNotContain("<!--#include").doesNotContain("{{")
                    .startsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">")
                    .containsPattern("href=\"/css/app\\.css\\?v=[0-9a-f]+\"")
                    .contains("<a class=\"skip-link\" href=\"#main\">Skip to content</a>");
            assertThat(Pattern.compile("aria-current=\"page\"").matcher(page).results().count()).as(path).isEqualTo(1);
            assertThat(page).as(path).contains("<a href=\"" + link + "\" aria-current=\"page\">");
        });
        String arena = given().get("/").then().extract().asString();
        assertThat(arena).contains("id=\"side-left\"", "id=\"side-right\"", ">A</span>Solution A</h2>",
                ">B</span>Solution B</h2>");
    }

        @Test
    void aClientThatAcceptsGzipGetsTheCompressedCopyUnderItsOwnTag() {
        Response plain = given().config(NO_DECODING).header("Accept-Encoding", "identity").get("/css/app.css");
        Response gzipped = given().config(NO_DECODING).header("Accept-Encoding", "gzip, br").get("/css/app.css");
        gzipped.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"));
        assertThat(gzipped.asByteArray().length).isLessThan(plain.asByteArray().length);
        assertThat(gzipped.header("ETag")).isNotEqualTo(plain.header("ETag"));
        given().config(NO_DECODING).header("Accept-Encoding", "gzip").header("If-None-Match", gzipped.header("ETag"))
                .get("/css/app.css").then().statusCode(304);
    }

    @Test
    void whatIsNotAFileFallsThrough() {
        given().get("/no-such-page.html").then().statusCode(404);
        given().get("/js/../index.html").then().statusCode(200);
        given().get("/api/leaderboard").then().statusCode(200).contentType(containsString("json"));
    }
}
