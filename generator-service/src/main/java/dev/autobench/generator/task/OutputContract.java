package dev.autobench.generator.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What every answer must look like, so that the renderer can extract it mechanically and
 * visitors compare like with like. The prompt spells it out in {@link #text()}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutputContract(String format, int fencedBlocks, boolean selfContained, boolean networkAllowed,
                             int viewportWidth, int viewportHeight, String text) {

    public static final int VIEWPORT_WIDTH = 1280;
    public static final int VIEWPORT_HEIGHT = 800;

    public static final String TEXT = """
            - Answer with exactly one fenced code block that opens with ```html and holds one complete, \
            self-contained HTML document (<!DOCTYPE html> … </html>). Anything outside that block is ignored.
            - Put all CSS in <style> and all JavaScript in <script> elements of that document. Load nothing: \
            no external scripts, stylesheets, fonts, images, media or iframes by URL, no CDN, no fetch, \
            XMLHttpRequest or WebSocket. The page runs with the network switched off; draw images with canvas, \
            SVG, CSS or data: URIs.
            - Plain HTML, CSS and JavaScript only: no frameworks or libraries, no build step.
            - The page must fit a 1280×800 viewport without scrolling and show meaningful content within one \
            second of loading, without any user input: it is screenshotted automatically.
            - It runs in a sandboxed iframe (scripts allowed, no same origin): do not use alert, confirm, prompt, \
            window.open, localStorage, sessionStorage or cookies; keep all state in memory.
            - It must run without JavaScript errors in a current Chromium.""";

    /** The one contract every AutoBench task carries today. */
    public static OutputContract standard() {
        return new OutputContract("html", 1, true, false, VIEWPORT_WIDTH, VIEWPORT_HEIGHT, TEXT);
    }
}
