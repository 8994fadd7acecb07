package dev.autobench.generator.drafting;

import dev.autobench.generator.task.TaskOrigin;
import dev.autobench.generator.task.TaskSpec;

import java.util.Objects;

/** A task a source proposes for a day, before it has a slot and a row. */
public record TaskDraft(TaskOrigin origin, TaskSpec spec) {

    public TaskDraft {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(spec, "spec");
    }

    public String category() {
        return spec.category();
    }

    public String templateId() {
        return spec.templateId();
    }
}
