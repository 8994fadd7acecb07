package dev.autobench.generator.service;

import java.time.LocalDate;
import java.util.List;

/** A bank template that appeared on some day: the history that keeps templates from repeating. */
public record TemplateUsage(String templateId, String category, String title, LocalDate date) {

    public static List<TemplateUsage> none() {
        return List.of();
    }
}
