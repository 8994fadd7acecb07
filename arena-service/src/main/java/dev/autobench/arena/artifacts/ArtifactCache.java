package dev.autobench.arena.artifacts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.matches.MatchRepository;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The bytes of rendered artifacts, their screenshots and their source code, in a bounded in-memory
 * cache (Caffeine, weighed in bytes): a hit is answered on the event loop without the database; a
 * miss is read on a worker thread. Each entry carries a strong ETag, the SHA-256 of its own bytes
 * (the renderer's hash of the page for HTML).
 *
 * <p>Caffeine picks the class of a cache by name from its features (strong keys and values, Maximum
 * Weighted, expire after Write: {@code SSMWW}) and builds it by reflection. Quarkus registers the
 * combinations its own cache uses, not this one, so a native image must be told about it; change the
 * name with the builder below.
 */
@ApplicationScoped
@RegisterForReflection(classNames = "com.github.benmanes.caffeine.cache.SSMWW")
public class ArtifactCache {

    public enum Kind { HTML, SCREENSHOT, CODE }

    /** Bytes ready to send and their strong entity tag (without quotes). */
    public record Body(byte[] bytes, String etag) {
    }

    private record Key(UUID id, Kind kind) {
    }

    /** Rough per-entry overhead beyond the bytes: key, record, tag. */
    private static final int ENTRY_OVERHEAD = 200;

    @Inject
    ArtifactRepository artifacts;

    @Inject
    MatchRepository matches;

    @Inject
    ArenaConfig config;

    @Inject
    ArtifactCache self;

    private Cache<Key, Body> cache;

    @PostConstruct
    void build() {
        cache = Caffeine.newBuilder()
                .maximumWeight((long) config.artifactCache().maxMegabytes() * 1024 * 1024)
                .weigher((Key key, Body body) -> body.bytes().length + ENTRY_OVERHEAD)
                .expireAfterWrite(config.artifactCache().ttl())
                .build();
    }

    /** The entry, from memory or else read from the database on a worker thread; empty when there is none. */
    public Uni<Optional<Body>> get(UUID id, Kind kind) {
        Body hit = cache.getIfPresent(new Key(id, kind));
        if (hit != null) {
            return Uni.createFrom().item(Optional.of(hit));
        }
        return Uni.createFrom().item(() -> self.load(id, kind)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Transactional
    Optional<Body> load(UUID id, Kind kind) {
        Optional<Body> body = switch (kind) {
            case HTML -> artifacts.html(id).map(h -> new Body(h.html().getBytes(StandardCharsets.UTF_8), h.sha256()));
            case SCREENSHOT -> artifacts.screenshot(id).map(s -> new Body(s.png(), sha256(s.png()) + "-png"));
            case CODE -> matches.code(id).map(c -> {
                byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
                return new Body(bytes, sha256(bytes) + "-code");
            });
        };
        body.ifPresent(b -> cache.put(new Key(id, kind), b));
        return body;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
