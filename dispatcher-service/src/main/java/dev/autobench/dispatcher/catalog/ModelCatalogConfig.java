package dev.autobench.dispatcher.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The models seeded into the {@code models} table at startup ({@code autobench.catalog.models[n].*}).
 * Seeding only inserts slugs that are missing: an operator's {@code PUT /api/models/{slug}} wins.
 */
@ConfigMapping(prefix = "autobench.catalog")
public interface ModelCatalogConfig {

    List<ModelSeed> models();

    interface ModelSeed {
        String slug();

        String provider();

        String apiModel();

        String displayName();

        /** List price in USD per million input tokens. */
        @WithDefault("0")
        BigDecimal inputUsdPerMtok();

        @WithDefault("0")
        BigDecimal outputUsdPerMtok();

        /** List price in USD per million prompt tokens served from the provider's cache; unset: the input price. */
        Optional<BigDecimal> cachedInputUsdPerMtok();

        @WithDefault("8192")
        int maxOutputTokens();

        @WithDefault("180")
        int timeoutSeconds();

        /** Whether the operator wants it called (its provider must still have a key). */
        @WithDefault("true")
        boolean enabled();

        Optional<String> baseUrl();
    }
}
