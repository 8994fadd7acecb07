package dev.autobench.generator.bank;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckValidation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curated task bank: one YAML file per category under {@code bank/}. It is checked when
 * loaded, so a broken template stops the service at start instead of reaching a model.
 */
public final class TaskBank {

    /** Listed, not scanned: classpath directories cannot be listed in a native image. */
    static final List<String> FILES = List.of(
            "game", "puzzle", "simulation", "animation", "generative-art",
            "data-visualisation", "ui-component", "interactive-app", "algorithm-visualiser", "text-tool");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /** The check sets templates name, shared so that similar tasks are checked alike. */
    static final String CHECK_SETS = "bank/checks.yaml";

    private final List<TaskTemplate> templates;
    private final Map<String, String> categoryDescriptions;
    private final Map<String, List<Check>> checkSets;

    public TaskBank(List<TaskTemplate> templates) {
        this(templates, Map.of());
    }

    public TaskBank(List<TaskTemplate> templates, Map<String, String> categoryDescriptions) {
        this(templates, categoryDescriptions, Map.of(), false);
    }

    /**
     * @param checksRequired whether every template must name a check set: true for the shipped bank, so that no
     *                       task reaches a model without checks
     */
    public TaskBank(List<TaskTemplate> templates, Map<String, String> categoryDescriptions,
                    Map<String, List<Check>> checkSets, boolean checksRequired) {
        List<TaskTemplate> sorted = new ArrayList<>(templates);
        sorted.sort(Comparator.comparing(TaskTemplate::id));
        List<String> problems = problems(sorted);
        problems.addAll(checkProblems(sorted, checkSets, checksRequired));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid task bank: " + String.join("; ", problems));
        }
        this.templates = List.copyOf(sorted);
        this.categoryDescriptions = Map.copyOf(categoryDescriptions);
        this.checkSets = Map.copyOf(checkSets);
    }

    /** The checks of one occurrence of a template: its set, then its own extra checks filled for the variation. */
    public List<Check> checksFor(TaskTemplate template, Map<String, String> variation) {
        List<Check> checks = new ArrayList<>();
        if (template.checks() != null) {
            checks.addAll(checkSets.getOrDefault(template.checks(), List.of()));
        }
        checks.addAll(template.extraChecksFor(variation));
        return List.copyOf(checks);
    }

    public Map<String, List<Check>> checkSets() {
        return checkSets;
    }

    static List<String> checkProblems(List<TaskTemplate> templates, Map<String, List<Check>> checkSets,
                                      boolean required) {
        List<String> problems = new ArrayList<>();
        checkSets.forEach((name, checks) -> CheckValidation.problems(checks)
                .forEach(p -> problems.add("check set '" + name + "': " + p)));
        for (TaskTemplate t : templates) {
            String where = "template '" + t.id() + "'";
            if (t.checks() == null) {
                if (required) {
                    problems.add(where + ": names no check set (checks: one of " + checkSets.keySet() + ")");
                }
                continue;
            }
            if (!checkSets.containsKey(t.checks())) {
                problems.add(where + ": unknown check set '" + t.checks() + "'");
                continue;
            }
            List<Check> all = new ArrayList<>(checkSets.get(t.checks()));
            all.addAll(t.extraChecks());
            CheckValidation.problems(all).forEach(p -> problems.add(where + ": " + p));
        }
        return problems;
    }

    public static TaskBank fromClasspath() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<TaskTemplate> all = new ArrayList<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String file : FILES) {
            String path = "bank/" + file + ".yaml";
            try (InputStream in = TaskBank.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("task bank file missing: " + path);
                }
                BankCategory category = yaml.readValue(in, BankCategory.class);
                if (!file.equals(category.category())) {
                    throw new IllegalStateException(path + " declares category '" + category.category() + "'");
                }
                category.templates().forEach(t -> all.add(t.inCategory(category.category())));
                descriptions.put(category.category(), category.description() == null ? "" : category.description());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read task bank file " + path, e);
            }
        }
        Map<String, List<Check>> checkSets;
        try (InputStream in = TaskBank.class.getClassLoader().getResourceAsStream(CHECK_SETS)) {
            if (in == null) {
                throw new IllegalStateException("task bank file missing: " + CHECK_SETS);
            }
            checkSets = yaml.readValue(in, new TypeReference<LinkedHashMap<String, List<Check>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read task bank file " + CHECK_SETS, e);
        }
        return new TaskBank(all, descriptions, checkSets, true);
    }

    /** Sorted by id, so that every replica iterates them in the same order. */
    public List<TaskTemplate> templates() {
        return templates;
    }

    public Set<String> categories() {
        Set<String> categories = new TreeSet<>();
        templates.forEach(t -> categories.add(t.category()));
        return categories;
    }

    /** What each category is about, in one line, for an author that writes new tasks. */
    public String describe(String category) {
        return categoryDescriptions.getOrDefault(category, "");
    }

    public int size() {
        return templates.size();
    }

    static List<String> problems(List<TaskTemplate> templates) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TaskTemplate t : templates) {
            String where = "template '" + t.id() + "'";
            if (t.id() == null || !ID.matcher(t.id()).matches()) {
                problems.add(where + ": id must match " + ID.pattern());
            } else if (!ids.add(t.id())) {
                problems.add(where + ": duplicate id");
            }
            if (blank(t.category()) || blank(t.title()) || blank(t.brief()) || t.difficulty() == null) {
                problems.add(where + ": category, title, brief and difficulty are required");
                continue;
            }
            if (t.criteria().size() < 3 || t.criteria().stream().anyMatch(TaskBank::blank)) {
                problems.add(where + ": needs at least three non-blank acceptance criteria");
            }
            Set<String> used = new HashSet<>();
            collectPlaceholders(t.title(), used);
            collectPlaceholders(t.brief(), used);
            t.criteria().forEach(c -> collectPlaceholders(c, used));
            for (String name : used) {
                if (!t.vary().containsKey(name)) {
                    problems.add(where + ": placeholder {" + name + "} has no values");
                }
            }
            t.vary().forEach((name, values) -> {
                if (!used.contains(name)) {
                    problems.add(where + ": variation '" + name + "' is never used");
                }
                if (values == null || values.isEmpty() || values.stream().anyMatch(TaskBank::blank)) {
                    problems.add(where + ": variation '" + name + "' needs non-blank values");
                }
            });
        }
        return problems;
    }

    private static void collectPlaceholders(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        Matcher m = TaskTemplate.PLACEHOLDER.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
