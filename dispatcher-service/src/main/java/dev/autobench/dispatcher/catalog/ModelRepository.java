package dev.autobench.dispatcher.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ModelRepository implements PanacheRepositoryBase<Model, UUID> {

    public Optional<Model> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Model> listBySlug() {
        return listAll(Sort.by("provider").and("slug"));
    }

    public List<Model> listEnabled() {
        return list("active", Sort.by("slug"), true);
    }

    /** Inserts a seed unless the slug exists; concurrent replicas starting together insert it once. */
    public boolean insertIfMissing(Model m) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO models (slug, provider, api_model, display_name, active, input_usd_per_mtok,
                                            output_usd_per_mtok, max_output_tokens, timeout_seconds, base_url)
                        VALUES (:slug, :provider, :apiModel, :displayName, :active, :inPrice, :outPrice, :maxTokens,
                                :timeout, CAST(:baseUrl AS text))
                        ON CONFLICT (slug) DO NOTHING""")
                .setParameter("slug", m.slug)
                .setParameter("provider", m.provider)
                .setParameter("apiModel", m.apiModel)
                .setParameter("displayName", m.displayName)
                .setParameter("active", m.active)
                .setParameter("inPrice", m.inputUsdPerMtok)
                .setParameter("outPrice", m.outputUsdPerMtok)
                .setParameter("maxTokens", m.maxOutputTokens)
                .setParameter("timeout", m.timeoutSeconds)
                .setParameter("baseUrl", m.baseUrl)
                .executeUpdate() == 1;
    }
}
