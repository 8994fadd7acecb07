package dev.autobench.generator.author;

import dev.autobench.generator.domain.Difficulty;

import java.util.List;

/** One task as the author model proposed it, already validated. */
record AuthoredTask(String title, String category, Difficulty difficulty, String summary, List<String> criteria) {
}
