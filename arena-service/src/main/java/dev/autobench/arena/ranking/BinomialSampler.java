package dev.autobench.arena.ranking;

import java.util.SplittableRandom;

/**
 * Exact binomial variates in O(1) expected time, which is what makes multinomial bootstrap
 * resampling of a million votes cheap: sequential-search inversion of the distribution function
 * (Kachitvichyanukul and Schmeiser's BINV: one uniform, then the probabilities by their recurrence,
 * a few multiplications per unit of the mean) when {@code n·p < 10}, otherwise
 * Hörmann's BTRS transformed rejection with squeeze ("The generation of binomial random variates",
 * J. Stat. Comput. Simul. 46, 1993), the method TensorFlow and JAX use.
 */
final class BinomialSampler {

    private static final int LOG_FACTORIAL_TABLE = 1024;
    private static final double[] LOG_FACTORIAL = new double[LOG_FACTORIAL_TABLE];

    static {
        double sum = 0;
        for (int k = 1; k < LOG_FACTORIAL_TABLE; k++) {
            sum += Math.log(k);
            LOG_FACTORIAL[k] = sum;
        }
    }

    private BinomialSampler() {
    }

    static long sample(SplittableRandom random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - sample(random, n, 1 - p);
        }
        if (n * p < 10) {
            return sequentialSearch(random, n, p);
        }
        return btrs(random, n, p);
    }

    /**
     * Walks the distribution function from 0 until it passes one uniform: P(0) = qⁿ, then
     * P(k+1) = P(k)·(n−k)/(k+1)·p/q. About n·p + 1 steps, each a few multiplications (the costly
     * part, the power, is paid once): with the small means of a bootstrap over thousands of cells
     * this is several times cheaper than one logarithm per success.
     */
    private static long sequentialSearch(SplittableRandom random, long n, double p) {
        double q = 1 - p;
        double ratio = p / q;
        double probability = Math.exp(n * Math.log1p(-p));
        double u = random.nextDouble();
        long k = 0;
        while (u > probability) {
            u -= probability;
            probability *= ratio * (n - k) / (k + 1);
            k++;
            if (k > n || probability <= 0) {
                // the tail's rounding left u above the whole mass: start over (vanishingly rare)
                return sequentialSearch(random, n, p);
            }
        }
        return k;
    }

    private static long btrs(SplittableRandom random, long n, double p) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        long m = (long) Math.floor((n + 1) * p);
        // needed only when the squeeze rejects (about one draw in seven): computed on first use
        double alpha = Double.NaN;
        double logPq = 0;
        double h = 0;
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (Double.isNaN(alpha)) {
                alpha = (2.83 + 5.1 / b) * spq;
                logPq = Math.log(p / q);
                h = logFactorial(m) + logFactorial(n - m);
            }
            double logV = Math.log(v * alpha / (a / (us * us) + b));
            if (logV <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * logPq) {
                return k;
            }
        }
    }

    /** ln(k!) from a table, then Stirling's series (error below 1e-14 for k ≥ 1024). */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL_TABLE) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k + 1.0;
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
