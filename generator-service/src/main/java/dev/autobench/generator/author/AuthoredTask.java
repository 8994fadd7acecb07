package dev.autobench.generator.author;

import dev.autobench.common.checks.Check;
import dev.autobench.generator.task.Difficulty;

import java.util.List;

/**
 * One task as the author model proposed it, already validated, with the acceptance checks it wrote for it and its
 * own solution, on which those checks are tried before the task is published.
 */
record AuthoredTask(String title, String category, Difficulty difficulty, String summary, List<String> criteria,
                    List<Check> checks, String referencePage) {

    AuthoredTask withChecks(List<Check> proven) {
        return new AuthoredTask(title, category, difficulty, summary, criteria, List.copyOf(proven), referencePage);
    }
}
