package dev.autobench.arena.ranking;

/**
 * The Wilson score interval of a binomial proportion: unlike the normal approximation it stays inside [0, 1] and
 * is honest for small counts and for rates near 0 or 1, which is where a new model's pass rate starts.
 *
 * @param rate the observed proportion (0 when there is nothing observed)
 * @param low  lower bound of the 95% interval
 * @param high upper bound of the 95% interval
 */
public record WilsonInterval(double rate, double low, double high) {

    static final double Z95 = 1.959963984540054;

    public static WilsonInterval of(long successes, long trials) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes of " + trials + " trials");
        }
        if (trials == 0) {
            return new WilsonInterval(0, 0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new WilsonInterval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
