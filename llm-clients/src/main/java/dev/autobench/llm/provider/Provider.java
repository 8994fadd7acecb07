package dev.autobench.llm.provider;

import java.util.Arrays;
import java.util.Optional;

/** The providers of the HTTP contract, by the ids stored in {@code models.provider}. */
public enum Provider {
    OPENAI("openai", "https://api.openai.com", "openai.api-key"),
    ANTHROPIC("anthropic", "https://api.anthropic.com", "anthropic.api-key"),
    GOOGLE("google", "https://generativelanguage.googleapis.com", "gemini.api-key"),
    DEEPSEEK("deepseek", "https://api.deepseek.com", "deepseek.api-key"),
    /** vLLM, Ollama, OpenRouter...: no default address, and the key is optional. */
    OPENAI_COMPATIBLE("openai-compatible", null, "openai-compatible.api-key"),
    /** Offline pages for the local demo: never touches the network. */
    DEMO("demo", null, null);

    private final String id;
    private final String defaultBaseUrl;
    private final String keyProperty;

    Provider(String id, String defaultBaseUrl, String keyProperty) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyProperty = keyProperty;
    }

    /** The id used in the database, the REST API and metric tags. */
    public String id() {
        return id;
    }

    /** The public endpoint, unless overridden by {@code AUTOBENCH_PROVIDERS_<NAME>_BASE_URL}. */
    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(defaultBaseUrl);
    }

    /** The config property holding the key; its environment form is e.g. {@code OPENAI_API_KEY}. */
    public Optional<String> keyProperty() {
        return Optional.ofNullable(keyProperty);
    }

    /** The environment variable an operator sets to give this provider a key. */
    public Optional<String> keyEnvironmentVariable() {
        return keyProperty().map(p -> p.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether calls must carry a key; OpenAI-compatible servers are often local and open. */
    public boolean requiresKey() {
        return this != OPENAI_COMPATIBLE && this != DEMO;
    }

    public static Optional<Provider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
