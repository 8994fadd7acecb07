package dev.autobench.dispatcher.catalog;

import dev.autobench.common.problem.ProblemException;
import dev.autobench.dispatcher.catalog.api.ModelView;
import dev.autobench.llm.client.LlmClient;
import dev.autobench.llm.config.DemoConfig;
import dev.autobench.llm.demo.DemoQuality;
import dev.autobench.llm.provider.Provider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model registry. The table holds the operator's intent ({@code active}); a model is really called
 * only while its provider is configured as well (a key, or the demo switch), which is re-evaluated on
 * every read so that adding a key and restarting is all it takes.
 * <p>
 * Seeding inserts configured models whose slug is missing and never touches existing rows: an
 * operator's PUT (re-pricing, retiring) survives restarts and new releases.
 */
@ApplicationScoped
public class ModelCatalog {

    private static final Logger LOG = Logger.getLogger(ModelCatalog.class);

    private final ModelRepository models;
    private final ModelCatalogConfig catalog;
    private final LlmClient llm;
    private final DemoConfig demo;

    ModelCatalog(ModelRepository models, ModelCatalogConfig catalog, LlmClient llm, DemoConfig demo) {
        this.models = models;
        this.catalog = catalog;
        this.llm = llm;
        this.demo = demo;
    }

    void onStart(@Observes StartupEvent event) {
        int inserted = QuarkusTransaction.requiringNew().call(this::seed);
        LOG.infof("model catalog: %d configured, %d newly seeded", catalog.models().size(), inserted);
        logUnavailableProviders();
    }

    /** Inserts every configured model whose slug is missing; idempotent, and never changes an existing row. */
    @Transactional
    public int seed() {
        int inserted = 0;
        for (ModelCatalogConfig.ModelSeed seed : catalog.models()) {
            Model m = new Model();
            m.slug = seed.slug();
            m.provider = seed.provider();
            m.apiModel = seed.apiModel();
            m.displayName = seed.displayName();
            m.active = seed.enabled();
            m.inputUsdPerMtok = seed.inputUsdPerMtok();
            m.outputUsdPerMtok = seed.outputUsdPerMtok();
            m.cachedInputUsdPerMtok = seed.cachedInputUsdPerMtok().orElse(null);
            m.maxOutputTokens = seed.maxOutputTokens();
            m.timeoutSeconds = seed.timeoutSeconds();
            m.baseUrl = seed.baseUrl().orElse(null);
            if (models.insertIfMissing(m)) {
                inserted++;
            }
        }
        return inserted;
    }

    private void logUnavailableProviders() {
        Set<Provider> used = QuarkusTransaction.requiringNew().call(() -> models.listEnabled().stream()
                .map(m -> Provider.fromId(m.provider)).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Provider.class))));
        for (Provider provider : used) {
            if (!isAvailable(provider)) {
                LOG.warn(unavailableReason(provider));
            }
        }
        if (demo.enabled()) {
            LOG.warn("DEMO MODE: demo models are active; they answer offline with canned pages, not real LLMs");
        }
    }

    /** Whether calls to this provider can be made now. */
    public boolean isAvailable(Provider provider) {
        return provider == Provider.DEMO ? demo.enabled() : llm.isConfigured(provider);
    }

    static String unavailableReason(Provider provider) {
        return switch (provider) {
            case DEMO -> "provider demo is disabled (set AUTOBENCH_DEMO_ENABLED=true for the offline demo): its models are inactive";
            case OPENAI_COMPATIBLE -> "provider openai-compatible has no base URL (set AUTOBENCH_PROVIDERS_OPENAI_COMPATIBLE_BASE_URL): its models are inactive";
            default -> "provider " + provider.id() + " has no API key (set " + provider.keyEnvironmentVariable().orElseThrow()
                    + "): its models are inactive";
        };
    }

    /** Models to call now: enabled by the operator and served by an available provider. */
    @Transactional
    public List<CallableModel> activeModels() {
        return models.listEnabled().stream()
                .flatMap(m -> Provider.fromId(m.provider).filter(this::isAvailable).map(p -> CallableModel.of(m, p)).stream())
                .toList();
    }

    /** A model by slug for a deliberate retry: it must exist and its provider be available. */
    @Transactional
    public Optional<CallableModel> callable(String slug) {
        return models.findBySlug(slug).map(m -> {
            Provider provider = Provider.fromId(m.provider).orElseThrow();
            if (!isAvailable(provider)) {
                throw ProblemException.conflict("model '" + slug + "' cannot be called: " + unavailableReason(provider));
            }
            return CallableModel.of(m, provider);
        });
    }

    @Transactional
    public List<ModelView> list() {
        return models.listBySlug().stream().map(this::view).toList();
    }

    /** Creates or updates one model from the operator's PUT; returns it and whether it was created. */
    @Transactional
    public Upserted upsert(String slug, ModelView body) {
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw ProblemException.badRequest("slug in the body ('" + body.slug() + "') differs from the path ('" + slug + "')");
        }
        if ("demo".equals(body.provider()) && DemoQuality.fromApiModel(body.apiModel()).isEmpty()) {
            throw ProblemException.badRequest("demo models must use apiModel demo-excellent, demo-good, demo-plain, "
                    + "demo-buggy or demo-nocode");
        }
        String baseUrl = body.baseUrl() == null || body.baseUrl().isBlank() ? null : body.baseUrl().strip();
        Provider provider = Provider.fromId(body.provider())
                .orElseThrow(() -> ProblemException.badRequest("unknown provider '" + body.provider() + "'"));
        if (baseUrl != null && !llm.allowsBaseUrl(provider, baseUrl)) {
            // the provider's key goes wherever the model points: only the operator's configuration decides where
            throw ProblemException.badRequest("baseUrl is not an allowed origin of provider " + provider.id()
                    + ": use the provider's configured base URL, or have the operator allow the origin with AUTOBENCH_PROVIDERS_"
                    + provider.name() + "_ALLOWED_ORIGINS");
        }
        Optional<Model> existing = models.findBySlug(slug);
        Model m = existing.orElseGet(Model::new);
        m.slug = slug;
        m.provider = body.provider();
        m.apiModel = body.apiModel().strip();
        m.displayName = body.displayName().strip();
        m.active = body.active();
        m.inputUsdPerMtok = body.inputUsdPerMtok();
        m.outputUsdPerMtok = body.outputUsdPerMtok();
        m.cachedInputUsdPerMtok = body.cachedInputUsdPerMtok();
        m.maxOutputTokens = body.maxOutputTokens();
        m.timeoutSeconds = body.timeoutSeconds();
        m.baseUrl = baseUrl;
        if (existing.isEmpty()) {
            models.persist(m);
        }
        models.flush();
        LOG.infof("model %s %s by an operator (active=%s)", slug, existing.isEmpty() ? "created" : "updated", m.active);
        return new Upserted(view(m), existing.isEmpty());
    }

    private ModelView view(Model m) {
        Optional<Provider> provider = Provider.fromId(m.provider);
        boolean available = provider.map(this::isAvailable).orElse(false);
        String reason = !m.active ? "disabled by the operator"
                : available ? null : provider.map(ModelCatalog::unavailableReason).orElse("unknown provider");
        return new ModelView(m.slug, m.provider, m.apiModel, m.displayName, m.active && available,
                m.inputUsdPerMtok, m.outputUsdPerMtok, m.maxOutputTokens, m.timeoutSeconds, m.baseUrl, m.active, reason,
                m.cachedInputUsdPerMtok);
    }

    public record Upserted(ModelView model, boolean created) {
    }
}
