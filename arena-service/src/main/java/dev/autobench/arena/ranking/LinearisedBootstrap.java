package dev.autobench.arena.ranking;

import java.util.SplittableRandom;

/**
 * The bootstrap of both boards in its large-sample form, for boards with plenty of votes per model.
 *
 * <p><b>What a round is.</b> A bootstrap round redraws the votes' (pair, outcome) cell counts n*
 * multinomially and refits. To first order the refit moves the plain board's θ̂ by
 * H⁻¹·Σ_c (n*_c − n_c)·u_c, with H the negated Hessian at θ̂ and u_c the score of one vote of cell c
 * at θ̂ (its outcome minus the fitted probability, on +θ_i −θ_j); the style board's round is that
 * same linear step already (see {@link StyleControl}), with its own cell vectors. Both steps are
 * linear in n* − n, a sum over N votes drawn independently, so by the central limit theorem they
 * are jointly Gaussian with covariance Σ_c n_c·w_c·w_cᵀ − s·sᵀ/N, w_c the two boards' cell vectors
 * stacked and s = Σ_c n_c·w_c. A round here draws that Gaussian directly: D normals and a triangular
 * product (D = the models plus the style board's dimension) instead of one binomial per cell and a
 * refit, which is what makes a thousand rounds over 200 models cheap.
 *
 * <p><b>When it is used.</b> Where the one-step refit is as good as the full one. Along one model's
 * θ_k, the likelihood equation of a resample reads g − I·δ − ½·T·δ² = 0 (I the Fisher information of
 * its games, T = Σ n·σ(1−σ)(1−2σ) the next derivative), so the full refit differs from the one step
 * δ₁ = g/I by a relative ½·|T/I|·δ₁. At an interval's end δ₁ ≈ 1.96 standard errors; a model passes
 * when this is at most {@value #MAX_RELATIVE_ERROR} of the half-width: about a third of the Monte
 * Carlo error of a 2.5% percentile of 1000 rounds (0.085 standard errors, i.e. 4.3% of the
 * half-width). With 1M votes over 50 models the largest is 0.7%, over 200 models 1.3%.
 *
 * <p><b>Models with few votes</b> (a new one, typically) fail it: their intervals are skewed, which
 * a refit sees and the linear step does not. Each round draws their cells' counts exactly (binomially,
 * as the resampling bootstrap does), adds those cells' score change to the linear step of everyone,
 * and then refits those models' θ by Newton over their drawn cells, the others held at the round's
 * values (the style board, linear in any case, takes their drawn cells in its step). What this leaves out is the refit's pull back on the others, bounded by the share of their
 * information that comes from games against those models: at most {@value #MAX_INFORMATION_FROM_REFIT}
 * is allowed (in practice a new model's few dozen votes are a fraction of a percent of anyone's), and
 * at most {@value #MAX_REFIT_SHARE} of the models may need it. Otherwise (small boards, where it is
 * cheap anyway) every round resamples all cells and refits everything.
 */
final class LinearisedBootstrap {

    static final double MAX_RELATIVE_ERROR = 0.025;
    /** At most this share of the rated models may need their own refit, */
    static final double MAX_REFIT_SHARE = 0.1;
    /** and they may give each other model at most this share of its information. */
    static final double MAX_INFORMATION_FROM_REFIT = 0.1;
    private static final double Z = 1.959964;
    private static final int MAX_REFIT_ITERATIONS = 50;
    private static final double REFIT_TOLERANCE = 1e-6;

    private final PairCounts counts;
    private final double[] fitted;
    private final int models;
    private final int dimension;
    private final double[] jointFactor;
    private final double[] plainFactor;
    private final StyleControl style;
    /** The models refitted each round, and the cells that involve them (drawn exactly). */
    private final int[] refit;
    private final int[] exactCells;

    private LinearisedBootstrap(PairCounts counts, double[] fitted, int dimension, double[] jointFactor,
                                double[] plainFactor, StyleControl style, int[] refit, int[] exactCells) {
        this.counts = counts;
        this.fitted = fitted;
        this.models = counts.modelCount;
        this.dimension = dimension;
        this.jointFactor = jointFactor;
        this.plainFactor = plainFactor;
        this.style = style;
        this.refit = refit;
        this.exactCells = exactCells;
    }

    /**
     * The models whose one-step error at the ends of their 95% interval exceeds
     * {@link #MAX_RELATIVE_ERROR} of its half-width (see the class comment), which are refitted
     * every round; null when the linearised bootstrap does not apply at all: more than
     * {@link #MAX_REFIT_SHARE} of the rated models need a refit, or one of the others owes more than
     * {@link #MAX_INFORMATION_FROM_REFIT} of its information to games against them (then their
     * refits would move it too, which the rounds leave out).
     */
    static boolean[] refitModels(PairCounts counts, double[] theta, double[] plainFactor, boolean[] rated) {
        int m = counts.modelCount;
        double[] information = new double[m];
        double[] skew = new double[m];
        double[] pairInformation = new double[counts.pairs()];
        double[] covariance = new double[m * m];
        double[] sum = new double[m];
        for (int p = 0; p < counts.pairs(); p++) {
            int i = counts.i[p];
            int j = counts.j[p];
            double s = BradleyTerry.sigmoid(theta[i] - theta[j]);
            long n = 0;
            for (int kind = 0; kind < PairCounts.KINDS; kind++) {
                long c = counts.counts[p * PairCounts.KINDS + kind];
                n += c;
                double u = scoreOfI(kind) - s;
                covariance[i * m + i] += c * u * u;
                covariance[j * m + j] += c * u * u;
                covariance[i * m + j] -= c * u * u;
                covariance[j * m + i] -= c * u * u;
                sum[i] += c * u;
                sum[j] -= c * u;
            }
            double w = n * s * (1 - s);
            pairInformation[p] = w;
            information[i] += w;
            information[j] += w;
            skew[i] += w * (1 - 2 * s);
            skew[j] -= w * (1 - 2 * s);
        }
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                covariance[r * m + c] -= sum[r] * sum[c] / counts.total;
            }
        }
        Cholesky.factorSemidefinite(covariance, m);
        double[] variance = variances(covariance, m, m, plainFactor);
        boolean[] refit = new boolean[m];
        int refits = 0;
        int ratedCount = 0;
        for (int k = 0; k < m; k++) {
            if (!rated[k] || information[k] == 0) {
                continue;
            }
            ratedCount++;
            double relative = 0.5 * Math.abs(skew[k] / information[k]) * Z * Math.sqrt(variance[k]);
            if (!(relative <= MAX_RELATIVE_ERROR)) {
                refit[k] = true;
                refits++;
            }
        }
        if (refits > MAX_REFIT_SHARE * ratedCount) {
            return null;
        }
        double[] fromRefit = new double[m];
        for (int p = 0; p < counts.pairs(); p++) {
            if (refit[counts.i[p]]) {
                fromRefit[counts.j[p]] += pairInformation[p];
            }
            if (refit[counts.j[p]]) {
                fromRefit[counts.i[p]] += pairInformation[p];
            }
        }
        for (int k = 0; k < m; k++) {
            if (!refit[k] && information[k] > 0 && fromRefit[k] > MAX_INFORMATION_FROM_REFIT * information[k]) {
                return null;
            }
        }
        return refit;
    }

    /**
     * The variance of each θ_k: the squared norms of the rows of H⁻¹·L over the first {@code m}
     * columns of the lower-triangular factor L (row stride {@code stride}) of the score's covariance.
     */
    private static double[] variances(double[] factor, int m, int stride, double[] plainFactor) {
        double[] variance = new double[m];
        double[] column = new double[m];
        for (int c = 0; c < m; c++) {
            java.util.Arrays.fill(column, 0);
            boolean any = false;
            for (int r = c; r < m; r++) {
                column[r] = factor[r * stride + c];
                any |= column[r] != 0;
            }
            if (!any) {
                continue;
            }
            Cholesky.solve(plainFactor, m, column);
            for (int k = 0; k < m; k++) {
                variance[k] += column[k] * column[k];
            }
        }
        return variance;
    }

    /**
     * @param theta       the plain board's θ̂
     * @param plainFactor Cholesky factor of its negated Hessian at θ̂
     * @param style       the style board, or null
     * @param refit       from {@link #refitModels}
     */
    static LinearisedBootstrap of(PairCounts counts, double[] theta, double[] plainFactor, StyleControl style,
                                  boolean[] refit) {
        int m = counts.modelCount;
        int dim = m + (style == null ? 0 : style.dimension());
        double[] covariance = new double[dim * dim];
        double[] sum = new double[dim];
        int[] index = new int[dim];
        double[] value = new double[dim];
        int[] exact = new int[counts.counts.length];
        int exactCount = 0;
        for (int cell = 0; cell < counts.counts.length; cell++) {
            long n = counts.counts[cell];
            if (n == 0) {
                continue;
            }
            int pair = cell / PairCounts.KINDS;
            if (refit[counts.i[pair]] || refit[counts.j[pair]]) {
                exact[exactCount++] = cell;
                continue;
            }
            int nonZero = cellVector(counts, theta, style, cell, index, value);
            for (int a = 0; a < nonZero; a++) {
                double weighted = n * value[a];
                sum[index[a]] += weighted;
                int row = index[a] * dim;
                for (int b = 0; b < nonZero; b++) {
                    covariance[row + index[b]] += weighted * value[b];
                }
            }
        }
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                covariance[r * dim + c] -= sum[r] * sum[c] / counts.total;
            }
        }
        Cholesky.factorSemidefinite(covariance, dim);
        int[] refitModels = java.util.stream.IntStream.range(0, m).filter(k -> refit[k]).toArray();
        return new LinearisedBootstrap(counts, theta.clone(), dim, covariance, plainFactor, style, refitModels,
                java.util.Arrays.copyOf(exact, exactCount));
    }

    /** Both boards' score vectors of one vote of {@code cell}, stacked (style at offset m), in sparse form. */
    private static int cellVector(PairCounts counts, double[] theta, StyleControl style, int cell, int[] index,
                                  double[] value) {
        int pair = cell / PairCounts.KINDS;
        int i = counts.i[pair];
        int j = counts.j[pair];
        double u = scoreOfI(cell % PairCounts.KINDS) - BradleyTerry.sigmoid(theta[i] - theta[j]);
        index[0] = i;
        value[0] = u;
        index[1] = j;
        value[1] = -u;
        return style == null ? 2 : style.cellVector(cell, counts.modelCount, index, value, 2);
    }

    /**
     * One round: the plain board's θ* into {@code theta} (length models) and, with a style board,
     * its (θ*, β*) into {@code phi}.
     */
    void round(SplittableRandom random, double[] theta, double[] phi) {
        int dim = dimension;
        int m = models;
        double[] normal = new double[dim];
        for (int k = 0; k < dim; k++) {
            normal[k] = random.nextGaussian();
        }
        double[] x = new double[dim];
        for (int row = 0; row < dim; row++) {
            double s = 0;
            int base = row * dim;
            for (int c = 0; c <= row; c++) {
                s += jointFactor[base + c] * normal[c];
            }
            x[row] = s;
        }
        long[] drawn = drawExactCells(random, x);
        System.arraycopy(x, 0, theta, 0, m);
        Cholesky.solve(plainFactor, m, theta);
        for (int k = 0; k < m; k++) {
            theta[k] += fitted[k];
        }
        if (refit.length > 0) {
            refit(drawn, theta);
        }
        if (style != null) {
            System.arraycopy(x, m, phi, 0, dim - m);
            style.finishRound(random, phi);
        }
    }

    /**
     * Draws the counts of the cells that involve a refitted model, multinomially (each against all
     * votes not yet drawn), and adds their score change to {@code x}; returns the counts, in the order
     * of {@link #exactCells}.
     */
    private long[] drawExactCells(SplittableRandom random, double[] x) {
        long[] drawn = new long[exactCells.length];
        long remainingTotal = counts.total;
        long remainingDraws = counts.total;
        int[] index = new int[dimension];
        double[] value = new double[dimension];
        for (int e = 0; e < exactCells.length; e++) {
            long c = counts.counts[exactCells[e]];
            drawn[e] = BinomialSampler.sample(random, remainingDraws, (double) c / remainingTotal);
            remainingTotal -= c;
            remainingDraws -= drawn[e];
            int nonZero = cellVector(counts, fitted, style, exactCells[e], index, value);
            double change = drawn[e] - c;
            for (int a = 0; a < nonZero; a++) {
                x[index[a]] += change * value[a];
            }
        }
        return drawn;
    }

    /**
     * Newton on the refitted models' θ alone, over the drawn counts of their cells, the other
     * models held at their round's values (from the linearised step, which already carries these
     * cells' effect on them to first order).
     */
    private void refit(long[] drawn, double[] theta) {
        int r = refit.length;
        int[] position = new int[models];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < r; k++) {
            position[refit[k]] = k;
        }
        double[] gradient = new double[r];
        double[] hessian = new double[r * r];
        double[] trial = theta.clone();
        double current = refitLogPosterior(drawn, theta);
        for (int iteration = 0; iteration < MAX_REFIT_ITERATIONS; iteration++) {
            java.util.Arrays.fill(hessian, 0);
            for (int k = 0; k < r; k++) {
                gradient[k] = -BradleyTerry.LAMBDA * theta[refit[k]];
                hessian[k * r + k] = BradleyTerry.LAMBDA;
            }
            for (int e = 0; e < exactCells.length; e++) {
                long n = drawn[e];
                if (n == 0) {
                    continue;
                }
                int cell = exactCells[e];
                int pair = cell / PairCounts.KINDS;
                int a = position[counts.i[pair]];
                int b = position[counts.j[pair]];
                double s = BradleyTerry.sigmoid(theta[counts.i[pair]] - theta[counts.j[pair]]);
                double g = n * (scoreOfI(cell % PairCounts.KINDS) - s);
                double w = n * s * (1 - s);
                if (a >= 0) {
                    gradient[a] += g;
                    hessian[a * r + a] += w;
                }
                if (b >= 0) {
                    gradient[b] -= g;
                    hessian[b * r + b] += w;
                }
                if (a >= 0 && b >= 0) {
                    hessian[a * r + b] -= w;
                    hessian[b * r + a] -= w;
                }
            }
            Cholesky.solveInPlace(hessian, r, gradient);
            double t = 1;
            double next;
            double largest = 0;
            while (true) {
                largest = 0;
                for (int k = 0; k < r; k++) {
                    trial[refit[k]] = theta[refit[k]] + t * gradient[k];
                    largest = Math.max(largest, Math.abs(t * gradient[k]));
                }
                next = refitLogPosterior(drawn, trial);
                if (next >= current - 1e-12 * Math.abs(current) || t < 1e-6) {
                    break;
                }
                t *= 0.5;
            }
            for (int k = 0; k < r; k++) {
                theta[refit[k]] = trial[refit[k]];
            }
            current = next;
            if (largest < REFIT_TOLERANCE) {
                return;
            }
        }
    }

    /** The log-posterior's terms that involve the refitted models, at {@code theta}. */
    private double refitLogPosterior(long[] drawn, double[] theta) {
        double sum = 0;
        for (int e = 0; e < exactCells.length; e++) {
            long n = drawn[e];
            if (n == 0) {
                continue;
            }
            int cell = exactCells[e];
            int pair = cell / PairCounts.KINDS;
            double d = theta[counts.i[pair]] - theta[counts.j[pair]];
            double y = scoreOfI(cell % PairCounts.KINDS);
            sum += n * (y * logSigmoid(d) + (1 - y) * logSigmoid(-d));
        }
        for (int k : refit) {
            sum -= 0.5 * BradleyTerry.LAMBDA * theta[k] * theta[k];
        }
        return sum;
    }

    private static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }

    /** 1, 0 or ½: the lower-indexed model's score in a cell of this kind (see {@link PairCounts}). */
    private static double scoreOfI(int kind) {
        return kind == 0 ? 1 : kind == 1 ? 0 : 0.5;
    }
}
