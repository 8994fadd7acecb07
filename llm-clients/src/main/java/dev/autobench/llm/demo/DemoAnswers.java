package dev.autobench.llm.demo;

import java.util.SplittableRandom;

/** Writes a demo model's whole answer: a little prose around one fenced HTML page (or prose only). */
final class DemoAnswers {

    private DemoAnswers() {
    }

    static String write(DemoTask task, DemoQuality quality, long seed) {
        return write(task, quality, seed, "");
    }

    /** As above; a prompt that lists automatic checks a reference page passes is answered from that reference. */
    static String write(DemoTask task, DemoQuality quality, long seed, String prompt) {
        SplittableRandom random = new SplittableRandom(seed);
        if (quality == DemoQuality.NOCODE) {
            return prose(task);
        }
        String page = ReferencePages.forPrompt(prompt)
                .map(reference -> ReferencePages.page(reference, task.title(), quality))
                .orElseGet(() -> DemoPages.page(task, quality, random));
        String intro = switch (quality) {
            case EXCELLENT -> "Here is a complete, self-contained page for **" + task.title()
                    + "**. It needs no network access, scales to any viewport and can be driven by mouse or keyboard.";
            case GOOD -> "Below is a single-file solution for \"" + task.title() + "\".";
            default -> "Sure.";
        };
        String outro = switch (quality) {
            case EXCELLENT -> "Everything lives in one file: styles in the head, logic in one script, no external assets.";
            case GOOD -> "Open the file in a browser to try it.";
            default -> "";
        };
        return "(AutoBench offline demo model - not a real LLM.)\n\n" + intro + "\n\n```html\n" + page + "```\n\n" + outro + "\n";
    }

    private static String prose(DemoTask task) {
        return "(AutoBench offline demo model - not a real LLM.)\n\n"
                + "To build \"" + task.title() + "\" I would start with a single HTML document that holds its own styles "
                + "and script. The layout would be a header, a main area with the interactive part, and a small status "
                + "line. The script would keep the state in one object, re-render on every change, and listen to both "
                + "pointer and keyboard events so that the page stays accessible.\n\n"
                + "Once that skeleton works, I would refine the visuals and test it at a few viewport sizes. "
                + "Let me know if you would like me to write the actual code.\n";
    }
}
