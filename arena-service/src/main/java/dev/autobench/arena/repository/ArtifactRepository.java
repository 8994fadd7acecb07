package dev.autobench.arena.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT html, sha256 FROM artifacts WHERE id = :id AND status = 'rendered'")
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Html((String) r[0], (String) r[1]));
    }

    public Optional<Screenshot> screenshot(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT screenshot_png, coalesce(sha256, '') FROM artifacts WHERE id = :id AND screenshot_png IS NOT NULL")
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Screenshot((byte[]) r[0], (String) r[1]));
    }
}
