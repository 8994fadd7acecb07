package dev.autobench.arena.artifacts;

import dev.autobench.arena.sql.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rendered artifacts, as the renderer stored them. */
@ApplicationScoped
public class ArtifactRepository {

    public record Html(String html, String sha256) {
    }

    public record Screenshot(byte[] png, String sha256) {
    }

    @Inject
    EntityManager em;

    public Optional<Html> html(UUID id) {
        return Rows.tuples(em.createNativeQuery(
                        "SELECT html, sha256 FROM artifacts WHERE id = :id AND status = 'rendered'", Tuple.class)
                .setParameter("id", id))
                .stream().findFirst().map(r -> new Html(Rows.text(r, "html"), Rows.text(r, "sha256")));
    }

    public Optional<Screenshot> screenshot(UUID id) {
        return Rows.tuples(em.createNativeQuery("SELECT screenshot_png AS png, coalesce(sha256, '') AS sha256 "
                        + "FROM artifacts WHERE id = :id AND screenshot_png IS NOT NULL", Tuple.class)
                .setParameter("id", id))
                .stream().findFirst().map(r -> new Screenshot(Rows.bytes(r, "png"), Rows.text(r, "sha256")));
    }
}
