package dev.autobench.arena.ranking;

/** Solves A·x = b for a symmetric positive-definite A, in place (A is overwritten by its factor). */
final class Cholesky {

    private Cholesky() {
    }

    static void solveInPlace(double[] a, int n, double[] b) {
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = a[rowJ + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[rowJ + k] * a[rowJ + k];
            }
            if (diagonal <= 0) {
                throw new ArithmeticException("matrix is not positive definite");
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
        for (int i = 0; i < n; i++) { // L y = b
            double s = b[i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= a[row + k] * b[k];
            }
            b[i] = s / a[row + i];
        }
        for (int i = n - 1; i >= 0; i--) { // Lᵀ x = y
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * b[k];
            }
            b[i] = s / a[i * n + i];
        }
    }
}
