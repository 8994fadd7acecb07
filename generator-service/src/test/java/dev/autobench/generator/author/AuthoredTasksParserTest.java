package dev.autobench.generator.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.generator.domain.Difficulty;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthoredTasksParserTest {

    static final Set<String> CATEGORIES = Set.of("game", "puzzle", "text-tool");
    final AuthoredTasksParser parser = new AuthoredTasksParser(new ObjectMapper());

    static String task(String title, String category, String difficulty, String criteria) {
        return """
                {"title": "%s", "category": "%s", "difficulty": "%s",
                 "summary": "A complete, lively single page that does one thing very well.",
                 "acceptanceCriteria": %s}""".formatted(title, category, difficulty, criteria);
    }

    static final String CRITERIA = "[\"It works.\", \"It is animated.\", \"It shows a scene on load.\"]";

    @Test
    void aFencedAnswerWithProseAroundItIsAccepted() {
        String answer = "Here you go:\n```json\n{\"tasks\": [" + task("Maze", "game", "hard", CRITERIA) + ", "
                + task("Rhymes", "text-tool", "easy", CRITERIA) + "]}\n```\nEnjoy!";

        assertThat(parser.parse(answer, 2, CATEGORIES))
                .extracting(AuthoredTask::title, AuthoredTask::category, AuthoredTask::difficulty)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Maze", "game", Difficulty.HARD),
                        org.assertj.core.groups.Tuple.tuple("Rhymes", "text-tool", Difficulty.EASY));
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
}
