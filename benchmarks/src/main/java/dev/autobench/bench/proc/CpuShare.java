package dev.autobench.bench.proc;

import java.util.Locale;

/**
 * Where the cores went between two {@link CpuSample}s, in cores: the machine's ticks over the interval divided by
 * the number of cores give the ticks of one core, and each group's ticks over that are its share. Whatever is left
 * went to wrk itself and to anything else on the machine.
 */
public record CpuShare(double arenaCores, double postgresCores, double idleCores, int cores, double requestsPerSecond) {

    public static CpuShare between(CpuSample before, CpuSample after, int cores, double requestsPerSecond) {
        double perCore = (after.totalTicks() - before.totalTicks()) / (double) cores;
        if (perCore <= 0) {
            return new CpuShare(Double.NaN, Double.NaN, Double.NaN, cores, requestsPerSecond);
        }
        return new CpuShare((after.arenaTicks() - before.arenaTicks()) / perCore,
                (after.postgresTicks() - before.postgresTicks()) / perCore,
                (after.idleTicks() - before.idleTicks()) / perCore, cores, requestsPerSecond);
    }

    /** "CPU: arena 0.90, postgres 0.60, idle 0.10 of 2 cores = 0.450 ms arena + 0.300 ms postgres CPU per request" */
    public String text() {
        if (Double.isNaN(arenaCores)) {
            return "CPU ?";
        }
        String shares = String.format(Locale.ROOT, "CPU: arena %.2f, postgres %.2f, idle %.2f of %d cores",
                arenaCores, postgresCores, idleCores, cores);
        if (requestsPerSecond <= 0) {
            return shares;
        }
        return shares + String.format(Locale.ROOT, " = %.3f ms arena + %.3f ms postgres CPU per request",
                arenaCores * 1000 / requestsPerSecond, postgresCores * 1000 / requestsPerSecond);
    }
}
