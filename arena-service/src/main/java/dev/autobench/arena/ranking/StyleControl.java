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
        int m = battles.modelCount();
        int p = columns.length + (position ? 1 : 0);
        int dim = m + p;
        double[] phi = new double[dim];
        System.arraycopy(start, 0, phi, 0, m);
        double[] hessian = new double[dim * dim];
        double[] gradient = new double[dim];
        double[] previous = null;
        double previousLog = Double.NEGATIVE_INFINITY;
        int halvings = 0;
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double log = pass(battles, columns, position, phi, gradient, hessian);
            if (previous != null && log < previousLog - 1e-12 * Math.abs(previousLog) && halvings < 30) {
                for (int k = 0; k < dim; k++) {
                    phi[k] = previous[k] + 0.5 * (phi[k] - previous[k]);
                }
                halvings++;
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
        }
        if (!converged) {
            pass(battles, columns, position, phi, gradient, hessian);
            Cholesky.factor(hessian, dim);
        }
        return withCells(battles, counts, columns, position, phi, hessian);
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
        for (int k = 0; k < p; k++) {
            for (int model = 0; model < m; model++) {
                hessian[(m + k) * dim + model] = hessian[model * dim + m + k];
            }
        }
        return log;
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
            double e = Math.exp(-Math.abs(eta));
            double sigma = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
            double logOnePlus = Math.log1p(e);
            // log σ(η) = −log(1+e^−η); for η<0 it is η − log(1+e^η), and symmetrically for σ(−η)
            double logSigma = eta >= 0 ? -logOnePlus : eta - logOnePlus;
            double logSigmaMinus = eta >= 0 ? -eta - logOnePlus : -logOnePlus;
            log += y * logSigma + (1 - y) * logSigmaMinus;
            double r = y - sigma;
            double w = sigma * (1 - sigma);
            gradient[i] += r;
            gradient[j] -= r;
            hessian[i * dim + i] += w;
            hessian[j * dim + j] += w;
            hessian[i * dim + j] -= w;
            hessian[j * dim + i] -= w;
            for (int k = 0; k < p; k++) {
                double dk = d[k];
                gradient[m + k] += r * dk;
                double wd = w * dk;
                hessian[i * dim + m + k] += wd;
                hessian[j * dim + m + k] -= wd;
                for (int l = 0; l < p; l++) {
                    betaBlock[k * p + l] += wd * d[l];
                }
            }
        }
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                hessian[(m + k) * dim + m + l] += betaBlock[k * p + l];
            }
        }
        return new Slice(log, gradient, hessian);
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

    /** The per-cell mean scores and the summed within-cell scatter the bootstrap rounds draw from. */
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
        double[] sum = new double[cells * q];
        double[] sumSquares = new double[cells * q * q];
        double[] d = new double[p];
        double[] u = new double[q];
        for (int b = 0; b < battles.size(); b++) {
            Oriented battle = orient(battles, b, columns, position, phi, m, d);
            int i = battle.i();
            int j = battle.j();
            double eta = battle.eta();
            double y = battle.scoreOfI();
            double r = y - BradleyTerry.sigmoid(eta);
            u[0] = r;
            for (int k = 0; k < p; k++) {
                u[k + 1] = r * d[k];
            }
            int cell = pairIndex[i * m + j] * PairCounts.KINDS + kindOf(y);
            for (int x = 0; x < q; x++) {
                sum[cell * q + x] += u[x];
                for (int z = x; z < q; z++) {
                    sumSquares[(cell * q + x) * q + z] += u[x] * u[z];
                }
            }
        }
        double[] scatter = new double[dim * dim];
        double[] means = new double[cells * q];
        double[] fullScore = new double[dim];
        for (int cell = 0; cell < cells; cell++) {
            long n = counts.counts[cell];
            if (n == 0) {
                continue;
            }
            int pair = cell / PairCounts.KINDS;
            int i = counts.i[pair];
            int j = counts.j[pair];
            for (int x = 0; x < q; x++) {
                means[cell * q + x] = sum[cell * q + x] / n;
            }
            embed(sum, cell * q, i, j, m, q, 1, fullScore);
            for (int x = 0; x < q; x++) {
                for (int z = x; z < q; z++) {
                    double covariance = sumSquares[(cell * q + x) * q + z] - sum[cell * q + x] * sum[cell * q + z] / n;
                    addOuter(scatter, dim, m, i, j, x, z, covariance);
                    if (z != x) {
                        addOuter(scatter, dim, m, i, j, z, x, covariance);
                    }
                }
            }
        }
        Cholesky.factorSemidefinite(scatter, dim);
        return new StyleControl(m, columns, position, phi, hessianFactor, scatter, means, fullScore, counts.i.clone(),
                counts.j.clone());
    }

    /** Adds {@code scale} × the cell score vector at {@code from} into the (θ, β) vector. */
    private static void embed(double[] cellVector, int from, int i, int j, int m, int q, double scale, double[] into) {
        into[i] += scale * cellVector[from];
        into[j] -= scale * cellVector[from];
        for (int k = 1; k < q; k++) {
            into[m + k - 1] += scale * cellVector[from + k];
        }
    }

    /** Adds value·E_x·E_zᵀ, E the embedding of cell component x (component 0 is +θ_i −θ_j; k is β_{k−1}). */
    private static void addOuter(double[] matrix, int dim, int m, int i, int j, int x, int z, double value) {
        int[] rows = x == 0 ? new int[] {i, j} : new int[] {m + x - 1};
        int[] cols = z == 0 ? new int[] {i, j} : new int[] {m + z - 1};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                double sign = (x == 0 && r == 1 ? -1 : 1) * (z == 0 && c == 1 ? -1 : 1);
                matrix[rows[r] * dim + cols[c]] += sign * value;
            }
        }
    }

    /** One bootstrap round from a resample of the cells ({@link PairCounts#resample}); (θ*, β*) into {@code into}. */
    void round(long[] sample, SplittableRandom random, double[] into) {
        int q = covariates + 1;
        Arrays.fill(into, 0, dimension, 0);
        for (int cell = 0; cell < sample.length; cell++) {
            long n = sample[cell];
            if (n != 0) {
                int pair = cell / PairCounts.KINDS;
                embed(cellMeans, cell * q, pairI[pair], pairJ[pair], models, q, n, into);
            }
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
        double mean = cellMeans[cell * q];
        index[at] = offset + pairI[pair];
        value[at++] = mean;
        index[at] = offset + pairJ[pair];
        value[at++] = -mean;
        for (int k = 1; k < q; k++) {
            index[at] = offset + models + k - 1;
            value[at++] = cellMeans[cell * q + k];
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
