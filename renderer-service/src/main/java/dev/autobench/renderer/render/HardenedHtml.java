package dev.autobench.renderer.render;

/**
 * A submission turned into the page that is stored and rendered.
 *
 * @param html      the hardened page, or {@code null} when it exceeded the size limit
 * @param sha256    lowercase hex SHA-256 of the UTF-8 bytes of {@code html} (of the raw answer when too large)
 * @param sizeBytes UTF-8 size of the page (of the raw answer when that alone was too large)
 * @param kind      what the answer was before wrapping
 */
public record HardenedHtml(String html, String sha256, int sizeBytes, AnswerKind kind) {

    public boolean tooLarge() {
        return html == null;
    }

    /** The shape of a submission's code. */
    public enum AnswerKind {
        HTML, JAVASCRIPT, SVG
    }
}
