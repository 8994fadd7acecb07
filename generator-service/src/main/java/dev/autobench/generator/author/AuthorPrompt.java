package dev.autobench.generator.author;

import dev.autobench.generator.task.OutputContract;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** What the author model is asked: N new tasks as strict JSON, in categories the day still lacks. */
final class AuthorPrompt {

    static final String SYSTEM = """
            You design tasks for AutoBench, a daily public arena where code-writing AI models each build the same \
            single-page web app and visitors compare the results side by side. You answer with JSON only.""";

    private AuthorPrompt() {
    }

    static String user(LocalDate date, int count, Map<String, String> categories, Collection<String> recentTitles) {
        StringBuilder p = new StringBuilder(4096)
                .append("Write ").append(count).append(" new tasks for ").append(date).append(".\n\n")
                .append("""
                        Every task is solved as ONE self-contained HTML page. Each model will receive your summary \
                        and acceptance criteria together with this fixed output contract:
                        """)
                .append(OutputContract.TEXT).append("\n\n")
                .append("""
                        Good tasks are visual and interactive, fit the contract, can be built well in one answer of \
                        a few hundred lines, and leave room for quality differences that a visitor sees within \
                        seconds. Be concrete: name sizes, rules, controls and the starting state.

                        Use """).append(count).append(" different categories from this list (one task each):\n");
        categories.forEach((id, description) -> p.append("- ").append(id).append(": ").append(description).append('\n'));
        if (!recentTitles.isEmpty()) {
            p.append("\nDo not repeat or closely imitate these recent tasks:\n");
            recentTitles.forEach(t -> p.append("- ").append(t).append('\n'));
        }
        return p.append("""

                Answer with exactly this JSON object and nothing else:
                {"tasks": [{"title": "at most 80 characters",
                            "category": "one of the category ids above",
                            "difficulty": "easy | medium | hard",
                            "summary": "2 to 8 sentences describing the page to build",
                            "acceptanceCriteria": ["3 to 6 checkable statements; the last one says what is \
                visible on load without any input"],
                            "checks": [CHECK, ...],
                            "referencePage": "your own solution: the whole HTML page, as a model would answer"}]}

                Each task also carries 3 to 8 automatic checks, which a robot runs on every answer in a \
                network-less browser right after the screenshot. Every model is shown them, so they must follow \
                from the summary and criteria, and a page that does the task well must pass them all. Use generic \
                selectors a page naturally has (canvas, svg, button, input, textarea), never invented ids or classes. \
                A CHECK is {"id": "short-kebab-id", "kind": KIND, "description": "the requirement in plain words", \
                ...} with KIND one of:
                - "element": at least "min" (default 1) visible elements match the CSS "selector"
                - "text": the visible text contains "text" (ignoring case)
                - "click": clicking the first visible match of "selector" changes the page
                - "keys": pressing "keys" (e.g. ["ArrowLeft", "ArrowUp", "Space", "Enter", "a"]) changes the page
                - "type": typing "text" into the first match of "selector" changes the rest of the page
                - "drag": dragging the mouse across the first match of "selector" changes the page
                - "animates": the page changes on its own within a second
                - "no_errors": no uncaught JavaScript error
                - "responsive": the page still answers after the interactions
                Include at least one "no_errors" check and at least one click, keys, type, drag or animates check.

                Solve each task yourself in "referencePage": one complete, self-contained page that follows the \
                output contract and does the task. It is never shown to the models or to visitors. Before the task \
                is published the robot runs your checks on it: a check your page fails is dropped, and a task left \
                without a no_errors check and an interaction or animation check is not used. Keep it short (at most \
                about 150 lines).
                """).toString();
    }
}
