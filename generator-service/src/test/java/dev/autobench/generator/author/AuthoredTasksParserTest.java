package dev.autobench.generator.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckKind;
import dev.autobench.generator.task.Difficulty;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthoredTasksParserTest {

    static final Set<String> CATEGORIES = Set.of("game", "puzzle", "text-tool");
    final AuthoredTasksParser parser = new AuthoredTasksParser(new ObjectMapper());

    static String task(String title, String category, String difficulty, String criteria) {
        return task(title, category, difficulty, criteria, CHECKS);
    }

    static String task(String title, String category, String difficulty, String criteria, String checks) {
        return """
                {"title": "%s", "category": "%s", "difficulty": "%s",
                 "summary": "A complete, lively single page that does one thing very well.",
                 "acceptanceCriteria": %s, "checks": %s,
                 "referencePage": "<!DOCTYPE html><canvas></canvas>"}""".formatted(title, category, difficulty,
                criteria, checks);
    }

    static final String CHECKS = """
            [{"id": "board", "kind": "element", "description": "A canvas.", "selector": "canvas"},
             {"id": "keys", "kind": "keys", "description": "Arrows move.", "keys": ["ArrowLeft", "ArrowUp"]},
             {"id": "no-errors", "kind": "no_errors", "description": "No uncaught error."}]""";

    static final String CRITERIA = "[\"It works.\", \"It is animated.\", \"It shows a scene on load.\"]";

    @Test
    void aFencedAnswerWithProseAroundItIsAccepted() {
        String answer = "Here you go:\n```json\n{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA) + ", "
                + task("Rhymes", "text-tool", "easy", CRITERIA) + "]}\n```\nEnjoy!";

        assertThat(parser.parse(answer, 2, CATEGORIES))
                .extracting(AuthoredTask::title, AuthoredTask::category, AuthoredTask::difficulty)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Maze", "game", Difficulty.HARD),
                        org.assertj.core.groups.Tuple.tuple("Rhymes", "text-tool", Difficulty.EASY));
        assertThat(parser.parse(answer, 2, CATEGORIES).get(0).checks())
                .extracting(Check::id, Check::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("board", CheckKind.ELEMENT),
                        org.assertj.core.groups.Tuple.tuple("keys", CheckKind.KEYS),
                        org.assertj.core.groups.Tuple.tuple("no-errors", CheckKind.NO_ERRORS));
    }

    @Test
    void anAuthoredTaskWithoutUsableChecksIsRejectedWithTheReason() {
        String rhymes = task("Rhymes", "text-tool", "easy", CRITERIA);
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA, "[]") + ", " + rhymes + "]}",
                "checks must list at least 2");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA, """
                [{"id": "a", "kind": "teleport", "description": "x"}, {"id": "b", "kind": "no_errors", "description": "y"}]""")
                + ", " + rhymes + "]}", "unknown check kind 'teleport'");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA, """
                [{"id": "a", "kind": "click", "description": "x"}, {"id": "b", "kind": "no_errors", "description": "y"}]""")
                + ", " + rhymes + "]}", "a click check needs a selector");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA, """
                [{"id": "a", "kind": "element", "description": "x", "selector": "canvas"},
                 {"id": "b", "kind": "no_errors", "description": "y"}]""")
                + ", " + rhymes + "]}", "a screenshot would pass them all");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA, """
                [{"id": "a", "kind": "animates", "description": "x"},
                 {"id": "b", "kind": "element", "description": "y", "selector": "canvas"}]""")
                + ", " + rhymes + "]}", "no no_errors check");
    }

    @Test
    void answersOutsideTheSchemaAreRejectedWithTheReason() {
        assertRejected("no JSON here", "no JSON object");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA) + "]}", "array of 2");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA) + ", "
                + task("Maze 2", "game", "easy", CRITERIA) + "]}", "repeats category");
        assertRejected("{\"tasks\": [" + task("Maze", "cooking", "hard", CRITERIA) + ", "
                + task("Rhymes", "text-tool", "easy", CRITERIA) + "]}", "cooking");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "extreme", CRITERIA) + ", "
                + task("Rhymes", "text-tool", "easy", CRITERIA) + "]}", "difficulty");
        assertRejected("{\"tasks\": [" + task("Maze", "game", "hard", "[\"only one\"]") + ", "
                + task("Rhymes", "text-tool", "easy", CRITERIA) + "]}", "acceptanceCriteria");
        assertRejected("{\"tasks\": [{\"title\": \"Maze\"}, " + task("Rhymes", "text-tool", "easy", CRITERIA) + "]}",
                "category is missing");
        assertRejected("{\"tasks\": [ {\"title\": ", "no JSON object");
    }

    private void assertRejected(String answer, String reason) {
        assertThatThrownBy(() -> parser.parse(answer, 2, CATEGORIES))
                .isInstanceOf(TaskAuthorException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aTaskWithoutItsReferencePageOrWithAnOverlongOneIsRefused() {
        String without = task("Maze", "game", "hard", CRITERIA).replaceAll(",\\s*\"referencePage\": \"[^\"]*\"", "");
        assertThat(without).doesNotContain("referencePage");
        assertThatThrownBy(() -> parser.parse("{\"tasks\": [" + without + "]}", 1, CATEGORIES))
                .hasMessageContaining("tasks[0].referencePage is missing");

        String overlong = task("Maze", "game", "hard", CRITERIA).replace("<canvas></canvas>",
                "x".repeat(AuthoredTasksParser.MAX_REFERENCE_CHARS));
        assertThatThrownBy(() -> parser.parse("{\"tasks\": [" + overlong + "]}", 1, CATEGORIES))
                .hasMessageContaining("referencePage is longer than");
    }

    @Test
    void theRulesForWhatIsLeftAfterTheTrialAreTheRulesForWhatIsWritten() {
        Check canvas = Check.element("board", "A canvas.", "canvas", 1);
        Check keys = Check.keys("keys", "Arrows move.", null, java.util.List.of("ArrowLeft"));
        Check noErrors = Check.noErrors("no-errors", "No uncaught error.");
        assertThat(AuthoredTasksParser.problemsOf(java.util.List.of(keys, noErrors))).isEmpty();
        assertThat(AuthoredTasksParser.problemsOf(java.util.List.of(canvas, noErrors)))
                .anyMatch(p -> p.contains("no interaction or animation check"));
        assertThat(AuthoredTasksParser.problemsOf(java.util.List.of(canvas, keys)))
                .anyMatch(p -> p.contains("no no_errors check"));
        assertThat(AuthoredTasksParser.problemsOf(java.util.List.of(keys)))
                .anyMatch(p -> p.contains("at least 2 checks"));
    }
}
