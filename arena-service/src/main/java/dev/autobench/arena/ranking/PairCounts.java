package dev.autobench.arena.ranking;

import java.util.Arrays;

/**
 * The sufficient statistics of Bradley–Terry: for each unordered pair of models that met, how
 * often the lower-indexed one won, lost, or drew (tie and both-bad merged, as both are half a win).
 * A bootstrap round resamples these few thousand counts instead of a million votes.
 */
final class PairCounts {

    static final int KINDS = 3; // i wins, j wins, half each
    final int modelCount;
    final int[] i;
    final int[] j;
    /** counts[p * KINDS + kind] */
    final long[] counts;
    final long total;

    private PairCounts(int modelCount, int[] i, int[] j, long[] counts) {
        this.modelCount = modelCount;
        this.i = i;
        this.j = j;
        this.counts = counts;
        this.total = Arrays.stream(counts).sum();
    }

    int pairs() {
        return i.length;
    }

    static PairCounts of(Battles battles) {
        int m = battles.modelCount();
        long[] dense = new long[m * m * KINDS];
        for (int k = 0; k < battles.size(); k++) {
            int a = battles.a(k);
            int b = battles.b(k);
            boolean swap = a > b;
            int lo = swap ? b : a;
            int hi = swap ? a : b;
            int kind = switch (battles.outcome(k)) {
                case A_WINS -> swap ? 1 : 0;
                case B_WINS -> swap ? 0 : 1;
                case TIE, BOTH_BAD -> 2;
            };
            dense[(lo * m + hi) * KINDS + kind]++;
        }
        int pairs = 0;
        for (int p = 0; p < m * m; p++) {
            if (dense[p * KINDS] + dense[p * KINDS + 1] + dense[p * KINDS + 2] > 0) {
                pairs++;
            }
        }
        int[] is = new int[pairs];
        int[] js = new int[pairs];
        long[] counts = new long[pairs * KINDS];
        int next = 0;
        for (int lo = 0; lo < m; lo++) {
            for (int hi = lo + 1; hi < m; hi++) {
                int base = (lo * m + hi) * KINDS;
                if (dense[base] + dense[base + 1] + dense[base + 2] > 0) {
                    is[next] = lo;
                    js[next] = hi;
                    System.arraycopy(dense, base, counts, next * KINDS, KINDS);
                    next++;
                }
            }
        }
        return new PairCounts(m, is, js, counts);
    }

    /** Games per pair and wins of {@code i} per pair (ties half) from a vector of the same layout as {@link #counts}. */
    void collapse(long[] sample, double[] games, double[] winsOfI) {
        for (int p = 0; p < i.length; p++) {
            long iw = sample[p * KINDS];
            long jw = sample[p * KINDS + 1];
            long half = sample[p * KINDS + 2];
            games[p] = iw + jw + half;
            winsOfI[p] = iw + 0.5 * half;
        }
    }

    /** A multinomial resample of all counts: the same total, each unique outcome drawn with its observed share. */
    void resample(java.util.SplittableRandom random, long[] into) {
        long remainingTotal = total;
        long remainingDraws = total;
        for (int k = 0; k < counts.length; k++) {
            long c = counts[k];
            if (c == 0 || remainingDraws == 0) {
                into[k] = 0;
            } else if (remainingTotal == c) {
                into[k] = remainingDraws;
            } else {
                into[k] = BinomialSampler.sample(random, remainingDraws, (double) c / remainingTotal);
            }
            remainingTotal -= c;
            remainingDraws -= into[k];
        }
    }
}
