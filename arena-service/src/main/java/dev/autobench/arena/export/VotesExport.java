package dev.autobench.arena.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.voting.VoteOutcome;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The votes export as a file on local disk, regenerated off the request path whenever the closed
 * votes change, and served from there: a download holds no database connection and no transaction,
 * however slowly an unauthenticated client reads it. Its ETag is the SHA-256 of its bytes, so every
 * replica gives the same file the same tag.
 */
@ApplicationScoped
public class VotesExport {

    private static final Logger LOG = Logger.getLogger(VotesExport.class);
    /** Files of older generations are kept a while so that a download that just looked one up still finds it. */
    private static final int KEPT_GENERATIONS = 3;

    /** One generation of the export. */
    public record Generation(Path file, String sha256, long size) {
    }

    @Inject
    BattleExportRepository battles;

    @Inject
    ObjectMapper json;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    private final Deque<Generation> generations = new ArrayDeque<>();
    private volatile Generation current;
    private volatile String fingerprint;
    private Path directory;

    void onStart(@Observes StartupEvent start) {
        refresh();
    }

    @Scheduled(identity = "votes-export-refresh", every = "${autobench.arena.export.check-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the previous generation keeps being served; the next tick tries again
            LOG.warnf(e, "could not regenerate the votes export");
        }
    }

    /** The export as of the last regeneration. */
    public Generation current() {
        Generation served = current;
        return served != null ? served : refresh();
    }

    /** Regenerates the file when the closed votes changed since the last generation. */
    public synchronized Generation refresh() {
        java.time.Instant cutoff = clock.instant().minus(config.window());
        String now = battles.fingerprint(cutoff);
        if (current != null && now.equals(fingerprint)) {
            return current;
        }
        Generation next = write(cutoff);
        generations.addLast(next);
        while (generations.size() > KEPT_GENERATIONS) {
            Generation old = generations.removeFirst();
            if (!old.file().equals(next.file())) {
                deleteQuietly(old.file());
            }
        }
        current = next;
        fingerprint = now;
        return next;
    }

    private Generation write(java.time.Instant cutoff) {
        ObjectWriter writer = json.writerFor(FastChatBattle.class);
        byte[] newline = "\n".getBytes(StandardCharsets.UTF_8);
        try {
            Path dir = directory();
            Path temporary = Files.createTempFile(dir, "votes-", ".partial");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new BufferedOutputStream(
                    new DigestOutputStream(Files.newOutputStream(temporary), sha), 64 * 1024)) {
                battles.stream(cutoff, row -> {
                    FastChatBattle battle = new FastChatBattle(row.taskId().toString(), row.modelA(), row.modelB(),
                            VoteOutcome.parse(row.outcome()).orElseThrow().fastChatWinner(),
                            row.createdAt().toEpochMilli() / 1000.0, true, 1, row.category(),
                            row.matchId().toString(), row.voteId(), checks(row.checksA(), row.checksB()));
                    out.write(writer.writeValueAsBytes(battle));
                    out.write(newline);
                });
            }
            String digest = HexFormat.of().formatHex(sha.digest());
            Path file = dir.resolve("votes-" + digest + ".jsonl");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Generation(file, digest, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the votes export", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private FastChatBattle.Checks checks(String a, String b) throws IOException {
        FastChatBattle.Side left = side(a);
        FastChatBattle.Side right = side(b);
        return left == null && right == null ? null : new FastChatBattle.Checks(left, right);
    }

    private FastChatBattle.Side side(String stored) throws IOException {
        if (stored == null) {
            return null;
        }
        int passed = 0;
        int total = 0;
        java.util.List<String> failed = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode result : json.readTree(stored)) {
            total++;
            if ("passed".equals(result.path("outcome").asText())) {
                passed++;
            } else {
                failed.add(result.path("id").asText());
            }
        }
        return new FastChatBattle.Side(passed, total, java.util.List.copyOf(failed));
    }

    private Path directory() throws IOException {
        if (directory == null) {
            directory = config.export().directory().isPresent()
                    ? Files.createDirectories(Path.of(config.export().directory().get()))
                    : Files.createTempDirectory("autobench-export-");
        }
        return directory;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", file, e.getMessage());
        }
    }
}
