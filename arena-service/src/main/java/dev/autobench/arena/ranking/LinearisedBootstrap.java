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
 * <p><b>When it is used.</b> Only when the one-step refit is as good as the full one. Along one
 * model's θ_k, the likelihood equation of a resample reads g − I·δ − ½·T·δ² = 0 (I the Fisher
 * information of its games, T = Σ n·σ(1−σ)(1−2σ) the next derivative), so the full refit differs from
 * the one step δ₁ = g/I by a relative ½·|T/I|·δ₁. At an interval's end δ₁ ≈ 1.96 standard errors,
 * and {@link #justified} asks that this be at most {@value #MAX_RELATIVE_ERROR} of the half-width for
 * every rated model: about a third of the Monte Carlo error of a 2.5% percentile of 1000 rounds
 * (0.085 standard errors, i.e. 4.3% of the half-width). With 1M votes over 50 models the largest is
 * 0.7%, over 200 models 1.3%. Boards with models of few votes (whose intervals are skewed, which a
 * refit sees and the linear step does not) keep the resampling bootstrap with a refit per round.
 */
final class LinearisedBootstrap {

    static final double MAX_RELATIVE_ERROR = 0.025;
    private static final double Z = 1.959964;

    private final int models;
    private final int dimension;
    private final double[] jointFactor;
    private final double[] plainFactor;
    private final StyleControl style;

    private LinearisedBootstrap(int models, int dimension, double[] jointFactor, double[] plainFactor,
                                StyleControl style) {
        this.models = models;
        this.dimension = dimension;
        this.jointFactor = jointFactor;
        this.plainFactor = plainFactor;
        this.style = style;
    }

    /**
     * @param theta       the plain board's θ̂
     * @param plainFactor Cholesky factor of its negated Hessian at θ̂
     * @param style       the style board, or null
     */
    static LinearisedBootstrap of(PairCounts counts, double[] theta, double[] plainFactor, StyleControl style) {
        int m = counts.modelCount;
        int dim = m + (style == null ? 0 : style.dimension());
        double[] covariance = new double[dim * dim];
        double[] sum = new double[dim];
        int[] index = new int[dim];
        double[] value = new double[dim];
        for (int cell = 0; cell < counts.counts.length; cell++) {
            long n = counts.counts[cell];
            if (n == 0) {
                continue;
            }
            int pair = cell / PairCounts.KINDS;
            int i = counts.i[pair];
            int j = counts.j[pair];
            double u = scoreOfI(cell % PairCounts.KINDS) - BradleyTerry.sigmoid(theta[i] - theta[j]);
            index[0] = i;
            value[0] = u;
            index[1] = j;
            value[1] = -u;
            int nonZero = style == null ? 2 : style.cellVector(cell, m, index, value, 2);
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
        return new LinearisedBootstrap(m, dim, covariance, plainFactor, style);
    }

    /**
     * Whether, for every rated model, the one-step refit's error at the ends of its 95% interval is
     * at most {@link #MAX_RELATIVE_ERROR} of the interval's half-width (see the class comment).
     */
    boolean justified(PairCounts counts, double[] theta, boolean[] rated) {
        int m = models;
        double[] information = new double[m];
        double[] skew = new double[m];
        for (int p = 0; p < counts.pairs(); p++) {
            long n = counts.counts[p * PairCounts.KINDS] + counts.counts[p * PairCounts.KINDS + 1]
                    + counts.counts[p * PairCounts.KINDS + 2];
            int i = counts.i[p];
            int j = counts.j[p];
            double s = BradleyTerry.sigmoid(theta[i] - theta[j]);
            double w = n * s * (1 - s);
            information[i] += w;
            information[j] += w;
            skew[i] += w * (1 - 2 * s);
            skew[j] -= w * (1 - 2 * s);
        }
        double[] variance = plainVariances();
        for (int k = 0; k < m; k++) {
            if (!rated[k] || information[k] == 0) {
                continue;
            }
            double relative = 0.5 * Math.abs(skew[k] / information[k]) * Z * Math.sqrt(variance[k]);
            if (!(relative <= MAX_RELATIVE_ERROR)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The variance of each θ_k over the rounds: the squared norms of the rows of H⁻¹·L, L the plain
     * block of the joint factor (the joint factor is lower triangular, so θ draws only on its first
     * {@code models} normals).
     */
    double[] plainVariances() {
        int m = models;
        double[] variance = new double[m];
        double[] column = new double[m];
        for (int c = 0; c < m; c++) {
            java.util.Arrays.fill(column, 0);
            boolean any = false;
            for (int r = c; r < m; r++) {
                column[r] = jointFactor[r * dimension + c];
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
     * One round: the plain board's θ* into {@code theta} (length models) and, with a style board,
     * its (θ*, β*) into {@code phi}.
     */
    void round(SplittableRandom random, double[] fitted, double[] theta, double[] phi) {
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
        System.arraycopy(x, 0, theta, 0, m);
        Cholesky.solve(plainFactor, m, theta);
        for (int k = 0; k < m; k++) {
            theta[k] += fitted[k];
        }
        if (style != null) {
            System.arraycopy(x, m, phi, 0, dim - m);
            style.finishRound(random, phi);
        }
    }

    /** 1, 0 or ½: the lower-indexed model's score in a cell of this kind (see {@link PairCounts}). */
    private static double scoreOfI(int kind) {
        return kind == 0 ? 1 : kind == 1 ? 0 : 0.5;
    }
}
