package dev.autobench.generator.author;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckKind;
import dev.autobench.common.checks.CheckValidation;
import dev.autobench.generator.task.Difficulty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an author model's answer against the task schema. All or nothing: one bad task rejects
 * the answer, so a day is never half authored and half guessed.
 */
final class AuthoredTasksParser {

    static final int MAX_TITLE = 120;
    static final int MIN_SUMMARY = 40;
    static final int MAX_SUMMARY = 3000;
    static final int MIN_CRITERIA = 3;
    static final int MAX_CRITERIA = 8;
    static final int MAX_CRITERION = 400;
    static final int MIN_CHECKS = 2;
    /** A reference page as large as the renderer would accept from a model. */
    static final int MAX_REFERENCE_CHARS = 512 * 1024;
    private static final TypeReference<List<Check>> CHECK_LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;

    AuthoredTasksParser(ObjectMapper json) {
        this.json = json;
    }

    List<AuthoredTask> parse(String answer, int count, Set<String> allowedCategories) {
        JsonNode tasks = root(answer).path("tasks");
        if (!tasks.isArray() || tasks.size() < count) {
            throw invalid("expected a \"tasks\" array of " + count + " tasks");
        }
        List<AuthoredTask> parsed = new ArrayList<>(count);
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < count; i++) {
            AuthoredTask task = task(tasks.get(i), i, allowedCategories);
            if (!categories.add(task.category())) {
                throw invalid("tasks[" + i + "] repeats category " + task.category());
            }
            parsed.add(task);
        }
        return parsed;
    }

    private JsonNode root(String answer) {
        String text = answer.strip();
        // models like to wrap JSON in a fence or a sentence: take the outermost object
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw invalid("the answer holds no JSON object");
        }
        try {
            return json.readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw invalid("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private AuthoredTask task(JsonNode node, int index, Set<String> allowedCategories) {
        String where = "tasks[" + index + "]";
        if (node == null || !node.isObject()) {
            throw invalid(where + " is not an object");
        }
        String title = text(node, "title", where);
        if (title.length() > MAX_TITLE) {
            throw invalid(where + ".title is longer than " + MAX_TITLE + " characters");
        }
        String category = text(node, "category", where);
        if (!allowedCategories.contains(category)) {
            throw invalid(where + ".category '" + category + "' is not one of " + allowedCategories);
        }
        Difficulty difficulty;
        try {
            difficulty = Difficulty.fromWire(text(node, "difficulty", where));
        } catch (IllegalArgumentException e) {
            throw invalid(where + ".difficulty must be easy, medium or hard");
        }
        String summary = text(node, "summary", where);
        if (summary.length() < MIN_SUMMARY || summary.length() > MAX_SUMMARY) {
            throw invalid(where + ".summary must be " + MIN_SUMMARY + " to " + MAX_SUMMARY + " characters");
        }
        JsonNode criteriaNode = node.path("acceptanceCriteria");
        if (!criteriaNode.isArray() || criteriaNode.size() < MIN_CRITERIA || criteriaNode.size() > MAX_CRITERIA) {
            throw invalid(where + ".acceptanceCriteria must list " + MIN_CRITERIA + " to " + MAX_CRITERIA + " items");
        }
        List<String> criteria = new ArrayList<>();
        for (JsonNode c : criteriaNode) {
            if (!c.isTextual() || c.asText().isBlank() || c.asText().length() > MAX_CRITERION) {
                throw invalid(where + ".acceptanceCriteria holds an empty, non-text or overlong item");
            }
            criteria.add(c.asText().strip());
        }
        return new AuthoredTask(title, category, difficulty, summary, List.copyOf(criteria), checks(node, where),
                referencePage(node, where));
    }

    /** The task's acceptance checks: required, valid, and at least one of them must exercise the page. */
    private List<Check> checks(JsonNode node, String where) {
        JsonNode checksNode = node.path("checks");
        if (!checksNode.isArray() || checksNode.size() < MIN_CHECKS) {
            throw invalid(where + ".checks must list at least " + MIN_CHECKS + " checks");
        }
        List<Check> checks;
        try {
            checks = json.convertValue(checksNode, CHECK_LIST);
        } catch (IllegalArgumentException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            throw invalid(where + ".checks cannot be read: " + reason.lines().findFirst().orElse(reason));
        }
        List<String> problems = problemsOf(checks);
        if (!problems.isEmpty()) {
            throw invalid(where + ".checks: " + String.join("; ", problems));
        }
        return List.copyOf(checks);
    }

    /**
     * What an authored task's checks must be, as written and again once its reference page has been tried: valid,
     * enough of them, one that exercises the page (a screenshot would pass the rest) and one for uncaught errors.
     */
    static List<String> problemsOf(List<Check> checks) {
        List<String> problems = new ArrayList<>(CheckValidation.problems(checks));
        if (!problems.isEmpty()) {
            return problems;
        }
        if (checks.size() < MIN_CHECKS) {
            problems.add("at least " + MIN_CHECKS + " checks are needed, " + checks.size() + " left");
        }
        if (checks.stream().noneMatch(c -> c.kind().interaction() || c.kind() == CheckKind.ANIMATES)) {
            problems.add("no interaction or animation check: a screenshot would pass them all");
        }
        if (checks.stream().noneMatch(c -> c.kind() == CheckKind.NO_ERRORS)) {
            problems.add("no no_errors check");
        }
        return problems;
    }

    /** The author's own solution: a whole page, as a model would answer, within the renderer's size limit. */
    private static String referencePage(JsonNode node, String where) {
        String page = text(node, "referencePage", where);
        if (page.length() > MAX_REFERENCE_CHARS) {
            throw invalid(where + ".referencePage is longer than " + MAX_REFERENCE_CHARS + " characters");
        }
        return page;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(where + "." + field + " is missing or not text");
        }
        return value.asText().strip();
    }

    private static TaskAuthorException invalid(String reason) {
        return new TaskAuthorException("invalid author answer: " + reason);
    }
}
