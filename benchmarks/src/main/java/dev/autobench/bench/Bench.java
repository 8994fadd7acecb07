package dev.autobench.bench;

import java.util.Arrays;

/**
 * Entry point of {@code autobench-benchmarks.jar}, driven by {@code bench/run.sh}.
 *
 * <pre>
 *   dispatch     --dispatcher URL --generator URL --jdbc URL --user U --password P
 *                --cron-secret S --admin-token T [--models 4,20,100] [--first-date 2001-01-01]
 *   stored-votes --jdbc URL --user U --password P
 *   jfr-hotspots --file recording.jfr [--top 15]
 *   spike        --url URL [--rate 100] [--factor 10] [--steady 60] [--ramp 10] [--hold 60] [--after 60] [--pid PID]
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "dispatch" -> DispatchWallTime.run(options, System.out);
            case "stored-votes" -> System.out.println(StoredVotes.count(Database.connect(options)));
            case "jfr-hotspots" -> JfrHotspots.print(options, System.out);
            case "spike" -> Spike.run(options, System.out);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: autobench-benchmarks dispatch ... | stored-votes ... | jfr-hotspots --file F [--top N] | spike --url U ..."
                + " (see bench/README.md)");
        System.exit(2);
    }
}
