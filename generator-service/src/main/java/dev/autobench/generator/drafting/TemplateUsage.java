package dev.autobench.generator.drafting;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/**
 * A bank template that appeared on some day: the history that keeps templates from repeating.
 * Built by an HQL constructor expression, hence registered for reflection.
 */
@RegisterForReflection
public record TemplateUsage(String templateId, String category, String title, LocalDate date) {
}
