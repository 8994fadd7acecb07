package dev.autobench.arena.ranking;

/** Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix (row-major, in place) and solves with it. */
final class Cholesky {

    private Cholesky() {
    }

    /** Overwrites the lower triangle of {@code a} with L. */
    static void factor(double[] a, int n) {
        decompose(a, n, 0, false);
    }

    /**
     * L·Lᵀ of a positive semi-definite matrix (in place; the upper triangle is zeroed): a column whose
     * pivot is not positive (a direction without scatter, e.g. a covariate constant within a cell)
     * is zeroed instead of failing.
     */
    static void factorSemidefinite(double[] a, int n) {
        double largest = 0;
        for (int k = 0; k < n; k++) {
            largest = Math.max(largest, a[k * n + k]);
        }
        decompose(a, n, 1e-12 * Math.max(largest, 1e-300), true);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[i * n + j] = 0;
            }
        }
    }

    /** A pivot at or below {@code floor} fails, or zeroes its column when {@code semidefinite}. */
    private static void decompose(double[] a, int n, double floor, boolean semidefinite) {
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = a[rowJ + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[rowJ + k] * a[rowJ + k];
            }
            if (diagonal <= floor) {
                if (!semidefinite) {
                    throw new ArithmeticException("matrix is not positive definite");
                }
                for (int i = j; i < n; i++) {
                    a[i * n + j] = 0;
                }
                continue;
            }
            double l = Math.sqrt(diagonal);
            a[rowJ + j] = l;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double s = a[rowI + j];
                for (int k = 0; k < j; k++) {
                    s -= a[rowI + k] * a[rowJ + k];
                }
                a[rowI + j] = s / l;
            }
        }
    }

    /** Solves L·Lᵀ·x = b in place, given the factor from {@link #factor}. */
    static void solve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * b[k];
            }
            b[i] = s / l[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    static void solveInPlace(double[] a, int n, double[] b) {
        factor(a, n);
        solve(a, n, b);
    }
}
