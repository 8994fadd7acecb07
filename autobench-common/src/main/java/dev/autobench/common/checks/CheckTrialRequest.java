package dev.autobench.common.checks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * A page and the checks it must pass, sent by a task author before its task is published.
 *
 * @param html   the author's reference solution: one self-contained page, as a model would answer
 * @param checks the acceptance checks the task would carry
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckTrialRequest(String html, List<Check> checks) {
}
