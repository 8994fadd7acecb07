package dev.autobench.renderer.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One thing that went wrong in the page: an uncaught exception, a console error, a blocked request.
 *
 * @param source where Chromium saw it: {@code exception}, {@code console}, or a Log domain source
 *               ({@code network}, {@code security}, {@code javascript}, ...)
 * @param text   the message, truncated
 * @param url    the script or resource concerned, when known
 * @param line   1-based line, when known
 * @param column 1-based column, when known
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageProblem(String source, String text, String url, Integer line, Integer column) {

    public static final int MAX_TEXT = 2000;

    public PageProblem {
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        if (url != null && url.length() > MAX_TEXT) {
            url = url.substring(0, MAX_TEXT) + "…";
        }
    }
}
