package dev.autobench.generator.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autobench.common.checks.Check;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * Everything a model, the renderer and a visitor need to know about one task; stored in
 * {@code tasks.spec}.
 *
 * @param title              short name shown to visitors
 * @param category           one of the bank's categories; at most one task per category a day
 * @param difficulty         easy, medium or hard
 * @param summary            the task in a few sentences, without the output contract (for the UI)
 * @param prompt             the full text sent to every model, output contract included
 * @param acceptanceCriteria what a good answer visibly does; the same list is part of the prompt
 * @param outputContract     the mechanical shape of an answer
 * @param templateId         the bank template it was drawn from; null for authored tasks
 * @param variation          the parameters chosen for this occurrence of the template
 * @param author             provider/model that wrote an authored task; null for bank tasks
 * @param checks             the machine-checkable acceptance checks the renderer runs on every answer; listed in
 *                           the prompt too, so a model knows how its page will be checked
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskSpec(String title, String category, Difficulty difficulty, String summary, String prompt,
                       List<String> acceptanceCriteria, OutputContract outputContract, String templateId,
                       Map<String, String> variation, String author, List<Check> checks) {
}
