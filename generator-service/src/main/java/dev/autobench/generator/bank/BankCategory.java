package dev.autobench.generator.bank;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** One file of the bank: a category and its templates. */
@RegisterForReflection
public record BankCategory(String category, String description, List<TaskTemplate> templates) {
}
