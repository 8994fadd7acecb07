package dev.autobench.common.checks;

import java.util.List;

/**
 * Passed over run checks of one artifact. A solution "passes" only when every check passed: the pass rate on the
 * leaderboard counts solutions, so one page cannot weigh more because its task has more checks.
 *
 * @param passed checks passed
 * @param total  checks the task has
 */
public record CheckScore(int passed, int total) {

    public static CheckScore of(List<CheckResult> results) {
        int passed = (int) results.stream().filter(CheckResult::passed).count();
        return new CheckScore(passed, results.size());
    }

    public boolean allPassed() {
        return total > 0 && passed == total;
    }

    public double fraction() {
        return total == 0 ? 0 : (double) passed / total;
    }
}
