package dev.autobench.arena.security;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key fixed windows of a minute and an hour, in this process's memory. Hand-written rather than
 * a rate-limit library because it is twenty lines and keys on the hashed client address we already
 * have; the price is that each replica counts its own requests (N replicas allow N times the limit,
 * which the votes' own database-wide limits still bound).
 */
public final class WindowLimiter {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;
    private static final int PRUNE_ABOVE = 100_000;

    private final int perMinute;
    private final int perHour;
    private final Clock clock;
    private final ConcurrentHashMap<String, Windows> windows = new ConcurrentHashMap<>();

    public WindowLimiter(int perMinute, int perHour, Clock clock) {
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts one request of {@code key}; empty when it is allowed, else the seconds until it would be. */
    public OptionalLong acquire(String key) {
        long now = clock.millis();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> now - w.hourStart >= HOUR);
        }
        long[] wait = {0};
        windows.compute(key, (k, w) -> {
            Windows current = w == null ? new Windows(now) : w;
            current.roll(now);
            if (current.minuteCount >= perMinute) {
                wait[0] = current.minuteStart + MINUTE - now;
            } else if (current.hourCount >= perHour) {
                wait[0] = current.hourStart + HOUR - now;
            } else {
                current.minuteCount++;
                current.hourCount++;
            }
            return current;
        });
        return wait[0] > 0 ? OptionalLong.of(Math.max(1, (wait[0] + 999) / 1000)) : OptionalLong.empty();
    }

    private static final class Windows {
        long minuteStart;
        long hourStart;
        int minuteCount;
        int hourCount;

        Windows(long now) {
            minuteStart = now;
            hourStart = now;
        }

        void roll(long now) {
            if (now - minuteStart >= MINUTE) {
                minuteStart = now;
                minuteCount = 0;
            }
            if (now - hourStart >= HOUR) {
                hourStart = now;
                hourCount = 0;
            }
        }
    }
}
