package dev.autobench.arena.ranking;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bradley–Terry with covariates ("style control", as LMArena does it): the log-odds that A beats B
 * are θ_A − θ_B + Σ β_k·d_k, where d_k is the difference A − B of covariate k (code length, …) and,
 * when the left side's advantage is controlled, one more covariate that is 1 in every battle (A is
 * the side shown on the left), so that its β is the advantage of being shown on the left. θ is each
 * model's strength with those effects held equal.
 *
 * <p><b>Fit.</b> Newton on (θ, β) over every battle — covariates differ from battle to battle, so
 * there are no pair counts to tally — from the plain fit's θ (a warm start: a few passes), with the
 * same weak Gaussian prior on every parameter as plain Bradley–Terry.
 *
 * <p><b>Intervals.</b> The one-step (linearised) bootstrap on the plain board's own resamples. To
 * first order a resample moves the estimate by H⁻¹·(its score − the full data's score), H the
 * negated Hessian at the fit. The votes fall into cells (pair, outcome); a resample's cell counts
 * are the exact multinomial draw the plain board refits from, and a cell's votes add count × the
 * cell's mean score plus the scatter of the scores inside the cell — for draws with replacement a
 * sum whose covariance is count × the cell's covariance. That scatter is drawn for all cells at
 * once, as one Gaussian with the summed covariance (count taken as the observed one: a relative
 * error of 1/√count on a second-order term). A round thus costs the cells plus O(D²) for D models
 * and covariates, not the votes: a thousand rounds over a million votes stay well under a second,
 * where refitting every round over every vote would take minutes.
 */
final class StyleControl {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-8;

    final int models;
    /** Covariates fitted, the left-side one last when present. */
    final int covariates;
    private final int dimension;
    private final int[] columns;
    private final boolean position;
    /** (θ, β) at the optimum. */
    final double[] fitted;
    private final double[] hessianFactor;
    private final double[] scatterFactor;
    private final double[] cellMeans;
    private final double[] fullScore;
    private final int[] pairI;
    private final int[] pairJ;

    private StyleControl(int models, int[] columns, boolean position, double[] fitted, double[] hessianFactor,
                         double[] scatterFactor, double[] cellMeans, double[] fullScore, int[] pairI, int[] pairJ) {
        this.models = models;
        this.columns = columns;
        this.position = position;
        this.covariates = columns.length + (position ? 1 : 0);
        this.dimension = models + covariates;
        this.fitted = fitted;
        this.hessianFactor = hessianFactor;
        this.scatterFactor = scatterFactor;
        this.cellMeans = cellMeans;
        this.fullScore = fullScore;
        this.pairI = pairI;
        this.pairJ = pairJ;
    }

    /**
     * @param battles the battles {@code counts} was tallied from
     * @param columns which of the battles' covariates to control for
     * @param position whether to fit the left side's advantage too
     * @param start   the plain fit's θ, the warm start
     */
    static StyleControl fit(Battles battles, PairCounts counts, int[] columns, boolean position, double[] start) {
        // without covariates a battle's only feature is its side: the counts per ordered pair and
        // outcome are the sufficient statistics, and the same fit runs over them instead of every vote
        Battles rows = columns.length == 0 ? battles.totalsByOrderedPair() : battles;
        int m = battles.modelCount();
        int p = columns.length + (position ? 1 : 0);
        int dim = m + p;
        double[] phi = new double[dim];
        System.arraycopy(start, 0, phi, 0, m);
        double[] hessian = new double[dim * dim];
        double[] gradient = new double[dim];
        double[] previous = null;
        double previousLog = Double.NEGATIVE_INFINITY;
        double previousStep = Double.POSITIVE_INFINITY;
        int halvings = 0;
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double log = pass(rows, columns, position, phi, gradient, hessian);
            if (previous != null && log < previousLog - 1e-12 * Math.abs(previousLog) && halvings < 30) {
                for (int k = 0; k < dim; k++) {
                    phi[k] = previous[k] + 0.5 * (phi[k] - previous[k]);
                }
                halvings++;
                previousStep = Double.POSITIVE_INFINITY;
                continue;
            }
            halvings = 0;
            Cholesky.factor(hessian, dim);
            Cholesky.solve(hessian, dim, gradient);
            double largest = 0;
            for (double step : gradient) {
                largest = Math.max(largest, Math.abs(step));
            }
            if (largest < TOLERANCE) {
                converged = true; // the Hessian just factored is the one at the optimum
                break;
            }
            previous = phi.clone();
            previousLog = log;
            for (int k = 0; k < dim; k++) {
                phi[k] += gradient[k];
            }
            // Newton's steps shrink at least as fast as they did from the last one to this one:
            // when the rest of them, a geometric series at that rate, stays below the tolerance,
            // this step was the last one needed and one more pass over the votes would only confirm
            // it. The Hessian just factored, a step this small from the optimum, stands for the one
            // at it (a relative difference of the order of the step).
            double rate = largest / previousStep; // 0 after the first step or a halving: no rate seen yet
            if (rate > 0 && rate < 0.5 && largest * rate / (1 - rate) < TOLERANCE) {
                converged = true;
                break;
            }
            previousStep = largest;
        }
        if (!converged) {
            pass(rows, columns, position, phi, gradient, hessian);
            Cholesky.factor(hessian, dim);
        }
        return withCells(rows, counts, columns, position, phi, hessian);
    }

    /**
     * Battles are summed in this many fixed slices in parallel, then the slices in order: the
     * result does not depend on the number of cores.
     */
    private static final int SLICES = 8;

    /** Log-posterior at {@code phi}; fills its gradient and negated Hessian. */
    private static double pass(Battles battles, int[] columns, boolean position, double[] phi, double[] gradient,
                               double[] hessian) {
        int m = battles.modelCount();
        int p = columns.length + (position ? 1 : 0);
        int dim = m + p;
        int n = battles.size();
        Slice[] slices = new Slice[SLICES];
        java.util.stream.IntStream.range(0, SLICES).parallel().forEach(slice ->
                slices[slice] = slice(battles, columns, position, phi, (int) ((long) n * slice / SLICES),
                        (int) ((long) n * (slice + 1) / SLICES)));
        Arrays.fill(hessian, 0);
        double log = 0;
        for (int k = 0; k < dim; k++) {
            gradient[k] = -BradleyTerry.LAMBDA * phi[k];
            hessian[k * dim + k] = BradleyTerry.LAMBDA;
            log -= 0.5 * BradleyTerry.LAMBDA * phi[k] * phi[k];
        }
        for (Slice slice : slices) {
            log += slice.log;
            for (int k = 0; k < dim; k++) {
                gradient[k] += slice.gradient[k];
            }
            for (int k = 0; k < dim * dim; k++) {
                hessian[k] += slice.hessian[k];
            }
        }
        mirrorBetaRows(hessian, m, p);
        return log;
    }

    /** Copies the θ×β block of a symmetric matrix, accumulated above the diagonal only, below it. */
    private static void mirrorBetaRows(double[] matrix, int m, int p) {
        int dim = m + p;
        for (int k = 0; k < p; k++) {
            for (int model = 0; model < m; model++) {
                matrix[(m + k) * dim + model] = matrix[model * dim + m + k];
            }
        }
    }

    private record Slice(double log, double[] gradient, double[] hessian) {
    }

    private static Slice slice(Battles battles, int[] columns, boolean position, double[] phi, int from, int to) {
        int m = battles.modelCount();
        int p = columns.length + (position ? 1 : 0);
        int dim = m + p;
        double[] gradient = new double[dim];
        double[] hessian = new double[dim * dim];
        double log = 0;
        double[] d = new double[p];
        // the β×β block is accumulated apart (small, dense) and added at the end
        double[] betaBlock = new double[p * p];
        for (int b = from; b < to; b++) {
            Oriented battle = orient(battles, b, columns, position, phi, m, d);
            int i = battle.i();
            int j = battle.j();
            double eta = battle.eta();
            double y = battle.scoreOfI();
            double weight = battles.weight(b);
            double e = Math.exp(-Math.abs(eta));
            double sigma = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
            // log(1 + e) for e in (0, 1]: log1p's extra accuracy for tiny e is below what a sum of
            // a million terms keeps, and it costs several times log
            double logOnePlus = Math.log(1 + e);
            // log σ(η) = −log(1+e^−η); for η<0 it is η − log(1+e^η), and symmetrically for σ(−η)
            double logSigma = eta >= 0 ? -logOnePlus : eta - logOnePlus;
            double logSigmaMinus = eta >= 0 ? -eta - logOnePlus : -logOnePlus;
            log += weight * (y * logSigma + (1 - y) * logSigmaMinus);
            double r = weight * (y - sigma);
            gradient[i] += r;
            gradient[j] -= r;
            for (int k = 0; k < p; k++) {
                gradient[m + k] += r * d[k];
            }
            addOuter(hessian, betaBlock, dim, m, p, i, j, weight * sigma * (1 - sigma), d);
        }
        addBetaBlock(hessian, betaBlock, m, p);
        return new Slice(log, gradient, hessian);
    }

    /**
     * Adds w·x·xᵀ for a battle's feature vector x (+1 at θ_i, −1 at θ_j, d at β) into the upper
     * θ×β part of {@code matrix} and into the separate β×β block.
     */
    private static void addOuter(double[] matrix, double[] betaBlock, int dim, int m, int p, int i, int j, double w,
                                 double[] d) {
        matrix[i * dim + i] += w;
        matrix[j * dim + j] += w;
        matrix[i * dim + j] -= w;
        matrix[j * dim + i] -= w;
        for (int k = 0; k < p; k++) {
            double wd = w * d[k];
            matrix[i * dim + m + k] += wd;
            matrix[j * dim + m + k] -= wd;
            for (int l = k; l < p; l++) {
                betaBlock[k * p + l] += wd * d[l]; // upper triangle: the block is symmetric
            }
        }
    }

    private static void addBetaBlock(double[] matrix, double[] betaBlock, int m, int p) {
        int dim = m + p;
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                matrix[(m + k) * dim + m + l] += betaBlock[Math.min(k, l) * p + Math.max(k, l)];
            }
        }
    }

    /** A battle seen from its lower-indexed model {@code i} against {@code j}: the linear predictor η and i's score. */
    private record Oriented(int i, int j, double eta, double scoreOfI) {
    }

    /** Orients battle {@code b} and fills {@code d} with its covariates from {@code i}'s side. */
    private static Oriented orient(Battles battles, int b, int[] columns, boolean position, double[] phi, int m,
                                   double[] d) {
        int a = battles.a(b);
        int c = battles.b(b);
        boolean forward = a < c;
        int i = forward ? a : c;
        int j = forward ? c : a;
        double eta = phi[i] - phi[j] + differences(battles, b, columns, position, forward, phi, m, d);
        return new Oriented(i, j, eta, scoreOfI(battles.outcome(b), forward));
    }

    /** Fills {@code d} with the battle's covariates from the lower-indexed model's side; returns β·d. */
    private static double differences(Battles battles, int battle, int[] columns, boolean position, boolean forward,
                                      double[] phi, int m, double[] d) {
        double sign = forward ? 1 : -1;
        double sum = 0;
        for (int k = 0; k < columns.length; k++) {
            d[k] = sign * battles.covariate(battle, columns[k]);
            sum += phi[m + k] * d[k];
        }
        if (position) {
            d[columns.length] = sign;
            sum += phi[m + columns.length] * sign;
        }
        return sum;
    }

    /** 1, 0 or ½: the lower-indexed model's score in this battle. */
    private static double scoreOfI(Outcome outcome, boolean forward) {
        return switch (outcome) {
            case A_WINS -> forward ? 1 : 0;
            case B_WINS -> forward ? 0 : 1;
            case TIE, BOTH_BAD -> 0.5;
        };
    }

    private static int kindOf(double scoreOfI) {
        return scoreOfI == 1 ? 0 : scoreOfI == 0 ? 1 : 2;
    }

    /** One slice's per-cell score sums and its summed Σ u·uᵀ (embedded; θ×β above the diagonal, β×β apart). */
    private record CellSlice(double[] sum, double[] squares) {
    }

    private static CellSlice cellSlice(Battles battles, int[] columns, boolean position, double[] phi,
                                       int[] pairIndex, int cells, int from, int to) {
        int m = battles.modelCount();
        int p = columns.length + (position ? 1 : 0);
        int q = p + 1;
        int dim = m + p;
        double[] sum = new double[cells * q];
        double[] squares = new double[dim * dim];
        double[] betaBlock = new double[p * p];
        double[] d = new double[p];
        for (int b = from; b < to; b++) {
            Oriented battle = orient(battles, b, columns, position, phi, m, d);
            int i = battle.i();
            int j = battle.j();
            double y = battle.scoreOfI();
            double weight = battles.weight(b);
            double r = y - BradleyTerry.sigmoid(battle.eta());
            int cell = pairIndex[i * m + j] * PairCounts.KINDS + kindOf(y);
            double wr = weight * r;
            sum[cell * q] += wr;
            for (int k = 0; k < p; k++) {
                sum[cell * q + k + 1] += wr * d[k];
            }
            // u = r·(1, d): u·uᵀ embedded is r²·x·xᵀ for the battle's feature vector x
            addOuter(squares, betaBlock, dim, m, p, i, j, wr * r, d);
        }
        addBetaBlock(squares, betaBlock, m, p);
        return new CellSlice(sum, squares);
    }

    /**
     * The per-cell mean scores and the summed within-cell scatter the bootstrap rounds draw from:
     * Σ over votes of u·uᵀ minus, per cell, (its summed u)·(its summed u)ᵀ / its count, all embedded.
     */
    private static StyleControl withCells(Battles battles, PairCounts counts, int[] columns, boolean position,
                                          double[] phi, double[] hessianFactor) {
        int m = battles.modelCount();
        int p = columns.length + (position ? 1 : 0);
        int q = p + 1;
        int dim = m + p;
        int[] pairIndex = new int[m * m];
        for (int pair = 0; pair < counts.pairs(); pair++) {
            pairIndex[counts.i[pair] * m + counts.j[pair]] = pair;
        }
        int cells = counts.pairs() * PairCounts.KINDS;
        int n = battles.size();
        CellSlice[] slices = new CellSlice[SLICES];
        java.util.stream.IntStream.range(0, SLICES).parallel().forEach(slice ->
                slices[slice] = cellSlice(battles, columns, position, phi, pairIndex, cells,
                        (int) ((long) n * slice / SLICES), (int) ((long) n * (slice + 1) / SLICES)));
        double[] sum = new double[cells * q];
        double[] scatter = new double[dim * dim];
        for (CellSlice slice : slices) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] += slice.sum[k];
            }
            for (int k = 0; k < scatter.length; k++) {
                scatter[k] += slice.squares[k];
            }
        }
        mirrorBetaRows(scatter, m, p);
        double[] means = new double[cells * q];
        double[] fullScore = new double[dim];
        int[] index = new int[q + 1];
        double[] value = new double[q + 1];
        for (int cell = 0; cell < cells; cell++) {
            long count = counts.counts[cell];
            if (count == 0) {
                continue;
            }
            int pair = cell / PairCounts.KINDS;
            int i = counts.i[pair];
            int j = counts.j[pair];
            for (int x = 0; x < q; x++) {
                means[cell * q + x] = sum[cell * q + x] / count;
            }
            embed(sum, cell * q, i, j, m, q, 1, fullScore);
            int nonZero = sparse(sum, cell * q, i, j, m, q, index, value);
            for (int a = 0; a < nonZero; a++) {
                int row = index[a] * dim;
                double scaled = value[a] / count;
                for (int b = 0; b < nonZero; b++) {
                    scatter[row + index[b]] -= scaled * value[b];
                }
            }
        }
        Cholesky.factorSemidefinite(scatter, dim);
        return new StyleControl(m, columns, position, phi, hessianFactor, scatter, means, fullScore, counts.i.clone(),
                counts.j.clone());
    }

    /** The cell vector at {@code from} embedded in (θ, β), as non-zero indexes and values; returns their number. */
    private static int sparse(double[] cellVector, int from, int i, int j, int m, int q, int[] index, double[] value) {
        index[0] = i;
        value[0] = cellVector[from];
        index[1] = j;
        value[1] = -cellVector[from];
        for (int k = 1; k < q; k++) {
            index[k + 1] = m + k - 1;
            value[k + 1] = cellVector[from + k];
        }
        return q + 1;
    }

    /** Adds {@code scale} × the cell score vector at {@code from} into the (θ, β) vector. */
    private static void embed(double[] cellVector, int from, int i, int j, int m, int q, double scale, double[] into) {
        into[i] += scale * cellVector[from];
        into[j] -= scale * cellVector[from];
        for (int k = 1; k < q; k++) {
            into[m + k - 1] += scale * cellVector[from + k];
        }
    }

    /** One bootstrap round from a resample of the cells ({@link PairCounts#resample}); (θ*, β*) into {@code into}. */
    void round(long[] sample, SplittableRandom random, double[] into) {
        int q = covariates + 1;
        Arrays.fill(into, 0, dimension, 0);
        double[] effects = new double[q];
        for (int cell = 0; cell < sample.length; cell++) {
            long n = sample[cell];
            if (n != 0) {
                int pair = cell / PairCounts.KINDS;
                int at = cell * q;
                double theta = n * cellMeans[at];
                into[pairI[pair]] += theta;
                into[pairJ[pair]] -= theta;
                for (int k = 1; k < q; k++) {
                    effects[k] += n * cellMeans[at + k];
                }
            }
        }
        for (int k = 1; k < q; k++) {
            into[models + k - 1] = effects[k];
        }
        for (int k = 0; k < dimension; k++) {
            into[k] -= fullScore[k];
        }
        finishRound(random, into);
    }

    /**
     * Completes a round whose cells' part of the score change (the resample's summed cell means
     * minus the full data's) is in {@code into}: adds the within-cell scatter's Gaussian draw and
     * takes the linearised step, leaving (θ*, β*) in {@code into}.
     */
    void finishRound(SplittableRandom random, double[] into) {
        int dim = dimension;
        double[] normal = new double[dim];
        for (int k = 0; k < dim; k++) {
            normal[k] = random.nextGaussian();
        }
        for (int row = 0; row < dim; row++) {
            double s = 0;
            int base = row * dim;
            for (int c = 0; c <= row; c++) {
                s += scatterFactor[base + c] * normal[c];
            }
            into[row] += s;
        }
        Cholesky.solve(hessianFactor, dim, into);
        for (int k = 0; k < dim; k++) {
            into[k] += fitted[k];
        }
    }

    /**
     * The mean score vector of one cell in sparse form: its non-zero entries' (θ, β) indexes plus
     * {@code offset} into {@code index} and values into {@code value} from position {@code at};
     * returns the position after the last one written.
     */
    int cellVector(int cell, int offset, int[] index, double[] value, int at) {
        int q = covariates + 1;
        int pair = cell / PairCounts.KINDS;
        int[] cellIndex = new int[q + 1];
        double[] cellValue = new double[q + 1];
        int nonZero = sparse(cellMeans, cell * q, pairI[pair], pairJ[pair], models, q, cellIndex, cellValue);
        for (int k = 0; k < nonZero; k++) {
            index[at] = offset + cellIndex[k];
            value[at++] = cellValue[k];
        }
        return at;
    }

    /**
     * The standard deviation of parameter {@code k} (θ or β, log-strength units) over the rounds of
     * the linearised bootstrap, computed exactly instead of sampled: H⁻¹·(the multinomial
     * covariance of the cells' summed scores + the within-cell scatter)·H⁻¹.
     */
    double standardError(int k, long[] cellCounts, long total) {
        int dim = dimension;
        int q = covariates + 1;
        double[] x = new double[dim];
        x[k] = 1;
        Cholesky.solve(hessianFactor, dim, x);
        double variance = 0;
        for (int c = 0; c < dim; c++) {
            double s = 0;
            for (int r = c; r < dim; r++) {
                s += scatterFactor[r * dim + c] * x[r];
            }
            variance += s * s;
        }
        for (int cell = 0; cell < cellCounts.length; cell++) {
            long n = cellCounts[cell];
            if (n == 0) {
                continue;
            }
            int pair = cell / PairCounts.KINDS;
            double v = (x[pairI[pair]] - x[pairJ[pair]]) * cellMeans[cell * q];
            for (int j = 1; j < q; j++) {
                v += x[models + j - 1] * cellMeans[cell * q + j];
            }
            variance += n * v * v;
        }
        double onFull = 0;
        for (int j = 0; j < dim; j++) {
            onFull += x[j] * fullScore[j];
        }
        variance -= onFull * onFull / total;
        return Math.sqrt(Math.max(0, variance));
    }

    int dimension() {
        return dimension;
    }

    boolean controlsPosition() {
        return position;
    }

    int[] columns() {
        return columns.clone();
    }
}
