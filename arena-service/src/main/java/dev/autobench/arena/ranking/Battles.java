package dev.autobench.arena.ranking;

import java.util.Arrays;

/**
 * Battles in the order they were voted: compact parallel arrays, so a million of them take a few
 * megabytes. Model ids are indexes {@code 0..modelCount-1}.
 */
public final class Battles {

    private final int modelCount;
    private int[] a;
    private int[] b;
    private byte[] outcome;
    private int size;

    public Battles(int modelCount) {
        this(modelCount, 16);
    }

    public Battles(int modelCount, int expected) {
        if (modelCount < 0) {
            throw new IllegalArgumentException("modelCount must be >= 0");
        }
        this.modelCount = modelCount;
        int capacity = Math.max(16, expected);
        this.a = new int[capacity];
        this.b = new int[capacity];
        this.outcome = new byte[capacity];
    }

    public Battles add(int modelA, int modelB, Outcome result) {
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

    private static final Outcome[] OUTCOMES = Outcome.values();
}
