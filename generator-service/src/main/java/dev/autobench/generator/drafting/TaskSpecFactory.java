package dev.autobench.generator.drafting;

import dev.autobench.common.checks.Check;
import dev.autobench.generator.task.Difficulty;
import dev.autobench.generator.task.OutputContract;
import dev.autobench.generator.task.TaskSpec;

import java.util.List;
import java.util.Map;

/**
 * Turns a task's substance into the spec every model receives. Bank and authored tasks go
 * through the same prompt frame, so that every answer is judged against the same contract
 * whatever wrote the task.
 */
public final class TaskSpecFactory {

    static final String PREAMBLE = """
            You are taking part in AutoBench, a public arena where visitors compare single-page web apps \
            written by different AI models side by side and vote for the better one. Build the page described \
            below as well as you can: correct behaviour first, then a polished, readable design.""";

    private TaskSpecFactory() {
    }

    public static TaskSpec create(String title, String category, Difficulty difficulty, String summary,
                                  List<String> acceptanceCriteria, String templateId, Map<String, String> variation,
                                  String author, List<Check> checks) {
        OutputContract contract = OutputContract.standard();
        return new TaskSpec(title, category, difficulty, summary.strip(),
                prompt(title, category, difficulty, summary.strip(), acceptanceCriteria, checks, contract),
                List.copyOf(acceptanceCriteria), contract, templateId, Map.copyOf(variation), author,
                List.copyOf(checks));
    }

    static String prompt(String title, String category, Difficulty difficulty, String summary,
                         List<String> criteria, List<Check> checks, OutputContract contract) {
        StringBuilder prompt = new StringBuilder(2048)
                .append(PREAMBLE).append("\n\n")
                .append("# Task: ").append(title).append('\n')
                .append("Category: ").append(category).append(" · Difficulty: ").append(difficulty.wire())
                .append("\n\n")
                .append(summary).append("\n\n")
                .append("## Acceptance criteria\n");
        for (int i = 0; i < criteria.size(); i++) {
            prompt.append(i + 1).append(". ").append(criteria.get(i).strip()).append('\n');
        }
        if (!checks.isEmpty()) {
            prompt.append("\n## Automatic checks\n")
                    .append("After the screenshot, a robot runs these checks on your page in the same browser ")
                    .append("(no network); the results are published next to the votes.\n");
            for (Check check : checks) {
                prompt.append("- [").append(check.id()).append("] ").append(check.description().strip()).append('\n');
            }
        }
        return prompt.append("\n## Output contract\n").append(contract.text()).append('\n').toString();
    }
}
