package dev.autobench.arena.ranking;

import java.util.Arrays;

/**
 * Battles in the order they were voted: compact parallel arrays, so a million of them take a few
 * megabytes. Model ids are indexes {@code 0..modelCount-1}; model A is the side shown on the left.
 * Each battle may carry {@code covariateCount} style covariates, as the difference A − B (see
 * {@link StyleControl}).
 */
public final class Battles {

    private final int modelCount;
    private final int covariateCount;
    private double[] covariates;
    private int[] a;
    private int[] b;
    private byte[] outcome;
    /** How many votes each entry stands for; null when each is one vote. */
    private long[] weights;
    private int size;

    public Battles(int modelCount) {
        this(modelCount, 16);
    }

    public Battles(int modelCount, int expected) {
        this(modelCount, expected, 0);
    }

    public Battles(int modelCount, int expected, int covariateCount) {
        if (modelCount < 0 || covariateCount < 0) {
            throw new IllegalArgumentException("modelCount and covariateCount must be >= 0");
        }
        this.modelCount = modelCount;
        this.covariateCount = covariateCount;
        int capacity = Math.max(16, expected);
        this.covariates = new double[capacity * covariateCount];
        this.a = new int[capacity];
        this.b = new int[capacity];
        this.outcome = new byte[capacity];
    }

    public Battles add(int modelA, int modelB, Outcome result) {
        if (covariateCount > 0) {
            throw new IllegalArgumentException("these battles need " + covariateCount + " covariates each");
        }
        return append(modelA, modelB, result);
    }

    /** A battle with its covariate differences (A's value minus B's, one per covariate). */
    public Battles add(int modelA, int modelB, Outcome result, double... differences) {
        if (differences.length != covariateCount) {
            throw new IllegalArgumentException("a battle needs " + covariateCount + " covariates");
        }
        int at = size;
        append(modelA, modelB, result);
        if (covariates.length < a.length * covariateCount) {
            covariates = Arrays.copyOf(covariates, a.length * covariateCount);
        }
        System.arraycopy(differences, 0, covariates, at * covariateCount, covariateCount);
        return this;
    }

    private Battles append(int modelA, int modelB, Outcome result) {
        if (modelA < 0 || modelA >= modelCount || modelB < 0 || modelB >= modelCount || modelA == modelB) {
            throw new IllegalArgumentException("a battle needs two distinct models in 0.." + (modelCount - 1));
        }
        if (size == a.length) {
            int capacity = a.length * 2;
            a = Arrays.copyOf(a, capacity);
            b = Arrays.copyOf(b, capacity);
            outcome = Arrays.copyOf(outcome, capacity);
        }
        a[size] = modelA;
        b[size] = modelB;
        outcome[size] = (byte) result.ordinal();
        size++;
        return this;
    }

    public int modelCount() {
        return modelCount;
    }

    public int covariateCount() {
        return covariateCount;
    }

    double covariate(int battle, int covariate) {
        return covariates[battle * covariateCount + covariate];
    }

    /** The covariate differences of one battle, copied out (for filtering battles). */
    double[] covariates(int battle) {
        return Arrays.copyOfRange(covariates, battle * covariateCount, (battle + 1) * covariateCount);
    }

    public int size() {
        return size;
    }

    int a(int i) {
        return a[i];
    }

    int b(int i) {
        return b[i];
    }

    Outcome outcome(int i) {
        return OUTCOMES[outcome[i]];
    }

    /** How many votes entry {@code i} stands for: 1, except in {@link #totalsByOrderedPair}. */
    double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    /**
     * The same votes without covariates, one entry per (left model, right model, outcome) that
     * occurred, weighted by its count (tie and both-bad merged: both are half a win): what a fit
     * whose only feature is the side needs, a few thousand entries instead of a million.
     */
    Battles totalsByOrderedPair() {
        int m = modelCount;
        int kinds = 3;
        long[] dense = new long[m * m * kinds];
        for (int k = 0; k < size; k++) {
            Outcome result = outcome(k);
            int kind = result == Outcome.A_WINS ? 0 : result == Outcome.B_WINS ? 1 : 2;
            dense[(a[k] * m + b[k]) * kinds + kind] += weight(k);
        }
        int entries = 0;
        for (long count : dense) {
            if (count > 0) {
                entries++;
            }
        }
        Battles totals = new Battles(m, entries);
        totals.weights = new long[Math.max(16, entries)];
        Outcome[] byKind = {Outcome.A_WINS, Outcome.B_WINS, Outcome.TIE};
        for (int cell = 0; cell < dense.length; cell++) {
            if (dense[cell] > 0) {
                int pair = cell / kinds;
                totals.weights[totals.size] = dense[cell];
                totals.append(pair / m, pair % m, byKind[cell % kinds]);
            }
        }
        return totals;
    }

    private static final Outcome[] OUTCOMES = Outcome.values();
}
