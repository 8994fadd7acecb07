package dev.autobench.dispatcher.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A model that may be asked to solve tasks. {@code active} is the operator's intent; the model is
 * actually called only while its provider is configured too (see {@code ModelCatalog}).
 */
@Entity
@Table(name = "models")
public class Model extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String provider;

    @Column(name = "api_model", nullable = false)
    public String apiModel;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "input_usd_per_mtok", nullable = false, precision = 12, scale = 4)
    public BigDecimal inputUsdPerMtok;

    @Column(name = "output_usd_per_mtok", nullable = false, precision = 12, scale = 4)
    public BigDecimal outputUsdPerMtok;

    /** Price of prompt tokens served from the provider's cache; null: priced like other input. */
    @Column(name = "cached_input_usd_per_mtok", precision = 12, scale = 4)
    public BigDecimal cachedInputUsdPerMtok;

    @Column(name = "max_output_tokens", nullable = false)
    public int maxOutputTokens;

    @Column(name = "timeout_seconds", nullable = false)
    public int timeoutSeconds;

    @Column(name = "base_url")
    public String baseUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
