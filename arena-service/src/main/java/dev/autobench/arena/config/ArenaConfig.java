package dev.autobench.arena.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the arena lets an operator tune, under {@code autobench.arena.*}. */
@ConfigMapping(prefix = "autobench.arena")
public interface ArenaConfig {

    /**
     * How long a task stays open for voting, measured from its {@code generated_at} (or the start
     * of its UTC {@code task_date} when that is missing). Older tasks stay browsable, unrevealed no more.
     */
    @WithDefault("24h")
    Duration window();

    /** HMAC-SHA256 key of voter cookies and vote tokens ({@code AUTOBENCH_ARENA_SIGNING_KEY}); required in prod. */
    Optional<String> signingKey();

    /** Salt of the stored IP hash ({@code AUTOBENCH_ARENA_IP_HASH_SALT}); derived from the signing key when absent. */
    Optional<String> ipHashSalt();

    /** How long a served match may be voted on. */
    @WithDefault("30m")
    Duration voteTokenTtl();

    /** A vote cast sooner than this after the match was served is stored but not counted. */
    @WithDefault("3s")
    Duration minViewTime();

    /**
     * Where visitors load artifacts and screenshots from ({@code AUTOBENCH_ARENA_ARTIFACT_BASE_URL}),
     * e.g. {@code https://artifacts.example-usercontent.net}: an origin, ideally a separate site, that
     * routes {@code /api/artifacts/*} to this service. The UI uses it for iframe {@code src} and
     * screenshot links and allows it in its CSP {@code frame-src}/{@code img-src}. Unset, artifacts
     * are served from the arena's own origin (relative URLs).
     */
    Optional<String> artifactBaseUrl();

    Cookie cookie();

    Pairing pairing();

    /** How often the open-matches gauge is refreshed from the database. */
    @WithDefault("60s")
    String openMatchesRefresh();

    RateLimit rateLimit();

    MatchCache matchCache();

    Serving serving();

    /** Which open match a voter is served next (never one they judged). */
    interface Serving {
        /**
         * {@code expected-information}: the match whose pair of models one more vote teaches the
         * board the most about (the expected drop of the neighbour differences' uncertainty, from
         * the served board's full posterior covariance), falling with the votes the pair got on open
         * matches since; least voted first among equals, and without a board.
         * {@code least-voted}: the least voted match first, at random among equals.
         */
        @WithDefault("expected-information")
        Order order();

        enum Order {
            EXPECTED_INFORMATION,
            LEAST_VOTED
        }
    }

    ArtifactCache artifactCache();

    /**
     * Matches are served from memory: each replica holds the open matches of the window (their
     * sides already serialised) and the matches each voter has judged, and re-reads what changed
     * from the database on a short interval, so every replica converges on the same state.
     */
    interface MatchCache {
        /**
         * How often each replica re-reads the open matches (new pairs, re-rendered sides, vote
         * counts) and the votes cast since its last read. A vote cast on this replica is known at once.
         */
        @WithDefault("1s")
        String refreshEvery();

        /**
         * Re-read the open matches and the voter's judged set from the database on every request
         * instead (a query per request; for tests that write fixtures straight to the database).
         */
        @WithDefault("false")
        boolean exact();

        /** How far back each re-read of new votes looks beyond the last one, for transactions that committed late. */
        @WithDefault("5s")
        Duration voteOverlap();
    }

    /**
     * Artifact pages, screenshots and source code are immutable once rendered; each replica keeps
     * the most used in a bounded in-memory cache.
     */
    interface ArtifactCache {
        /** Upper bound of the cached bytes (HTML, PNG and code together). */
        @WithDefault("64")
        int maxMegabytes();

        /** A cached entry is re-read after this long, so that an artifact withdrawn from the arena stops being served. */
        @WithDefault("10m")
        Duration ttl();
    }

    Leaderboard leaderboard();

    Export export();

    HumanCheck humanCheck();

    /**
     * An optional human check (Cloudflare Turnstile, or any service with the same {@code siteverify}
     * API, such as hCaptcha): when enabled, a vote counts only from a voter cookie that passed the
     * check within {@link HumanCheck#validFor()}. It is what bounds an attacker with many addresses
     * who keeps each cookie until it is old enough to count: every such cookie then costs a solved
     * challenge. Votes from cookies that did not pass are stored, not counted ({@code no_human_check}).
     */
    interface HumanCheck {
        /** Off by default (a local run has no keys and no network); the prod overlay turns it on. */
        @WithDefault("false")
        boolean enabled();

        /** The public site key the page's widget is rendered with; required when enabled. */
        Optional<String> siteKey();

        /** The secret the server verifies tokens with ({@code AUTOBENCH_ARENA_HUMAN_CHECK_SECRET}); required when enabled. */
        Optional<String> secret();

        /** The verification endpoint (form POST of {@code secret}, {@code response}, {@code remoteip}; JSON answer). */
        @WithDefault("https://challenges.cloudflare.com/turnstile/v0/siteverify")
        String verifyUrl();

        /** The widget's script; its origin is added to the pages' CSP {@code script-src} and {@code frame-src}. */
        @WithDefault("https://challenges.cloudflare.com/turnstile/v0/api.js")
        String scriptUrl();

        /** How long a passed check lets this cookie's votes count. */
        @WithDefault("30d")
        Duration validFor();

        /** Longest wait for the verification endpoint; past it the visitor is asked to try again (503). */
        @WithDefault("5s")
        Duration timeout();
    }

    /** The votes export is a file regenerated off the request path and served from disk. */
    interface Export {
        /** How often to check whether the closed votes changed and regenerate the file ("off": only at start). */
        @WithDefault("30s")
        String checkEvery();

        /** Directory of the export files; a fresh temporary directory when unset. */
        Optional<String> directory();
    }

    interface Cookie {
        @WithDefault("ab_voter")
        String name();

        /** Secure flag; off only for plain-HTTP local runs. */
        @WithDefault("true")
        boolean secure();

        @WithDefault("400d")
        Duration maxAge();

        /**
         * A vote from a voter cookie younger than this is stored but not counted (reason
         * {@code young_cookie}): a script that throws its cookie away after each vote never counts.
         * Cookies minted before the cookie carried its age count as old.
         */
        @WithDefault("2m")
        Duration minAgeToCount();
    }

    /**
     * Sliding windows over the stored votes, per voter cookie and per client address (an IPv4
     * address or an IPv6 /64); and per-replica windows over matches served and cookies minted per
     * client address.
     */
    interface RateLimit {
        @WithDefault("20")
        int voterPerMinute();

        @WithDefault("300")
        int voterPerHour();

        @WithDefault("60")
        int ipPerMinute();

        @WithDefault("1000")
        int ipPerHour();

        /** Matches served to one client address per minute (each replica counts its own). */
        @WithDefault("60")
        int matchesPerMinute();

        /** Matches served to one client address per hour (each replica counts its own). */
        @WithDefault("1000")
        int matchesPerHour();

        /** New voter cookies minted for one client address per minute (each replica counts its own). */
        @WithDefault("10")
        int cookiesPerMinute();

        /** New voter cookies minted for one client address per hour (each replica counts its own). */
        @WithDefault("60")
        int cookiesPerHour();
    }

    interface Pairing {
        /** Period of the in-process pair generator ("off" disables it; the CronJob still calls the endpoint). */
        @WithDefault("10m")
        String every();
    }

    interface Leaderboard {
        /** How often to check whether the votes changed (cheap); "off" leaves only the recompute endpoint. */
        @WithDefault("5s")
        String checkEvery();

        /** Never recompute more often than this, however fast the votes arrive. */
        @WithDefault("30s")
        Duration minInterval();

        @WithDefault("1000")
        int bootstrapRounds();

        /** Seed of the bootstrap, so that the same votes always give the same intervals. */
        @WithDefault("20240601")
        long bootstrapSeed();

        /** K of the online Elo shown beside Bradley–Terry (FastChat uses 4). */
        @WithDefault("4")
        double eloK();

        /** Snapshots older than this are pruned, except the latest of each category. */
        @WithDefault("1h")
        Duration retention();

        /**
         * How often each replica measures the counted votes its served board does not include yet
         * (the staleness gauges); "off" disables them.
         */
        @WithDefault("30s")
        String lagCheckEvery();

        Style style();
    }

    /**
     * Style control: a second rating per model from Bradley–Terry with covariates, so that how a
     * solution looks (its length, its libraries…) is held equal and only the model remains.
     */
    interface Style {
        /**
         * The covariates held equal, each the difference between the two sides of a vote:
         * {@code code-length} (log2 of the code's characters: the effect is per doubling),
         * {@code external-libraries} (1 when the code loads a script, module or stylesheet from
         * another origin), {@code js-errors} (1 when the rendered page logged a JavaScript error),
         * {@code render-time} (log2 of the render time in ms: per doubling). Empty: no
         * style-controlled board, unless the left side's advantage is corrected.
         */
        @WithDefault("code-length,external-libraries,js-errors,render-time")
        List<dev.autobench.arena.ranking.StyleCovariate> covariates();

        /**
         * Hold the left side's advantage equal too (in the style-controlled board) when its 95%
         * interval excludes 0. The plain board never corrects: it stays the FastChat fit anyone can
         * recompute from the export.
         */
        @WithDefault("true")
        boolean positionCorrection();
    }
}
