package dev.autobench.llm.config;

import dev.autobench.llm.provider.Provider;
import dev.autobench.llm.provider.ProviderEndpoints;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment variable names of the configuration contract reach the clients. */
class ConfigContractTest {

    @Test
    void keysAndBaseUrlsComeFromTheContractsEnvironmentVariables() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of(
                        "OPENAI_API_KEY", "k-openai",
                        "GEMINI_API_KEY", "k-gemini",
                        "OPENAI_COMPATIBLE_API_KEY", " ",
                        "AUTOBENCH_PROVIDERS_ANTHROPIC_BASE_URL", "http://proxy:8080",
                        "AUTOBENCH_PROVIDERS_OPENAI_COMPATIBLE_BASE_URL", "http://ollama:11434/v1",
                        "AUTOBENCH_PROVIDERS_OPENAI_ALLOWED_ORIGINS", "https://eu.openai.example,https://us.openai.example:8443"),
                        300) {
                })
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(ProvidersConfig.class)
                .build();
        ProviderEndpoints endpoints = new ConfiguredProviderEndpoints(config.getConfigMapping(ProvidersConfig.class), config);

        assertThat(endpoints.apiKey(Provider.OPENAI)).contains("k-openai");
        assertThat(endpoints.apiKey(Provider.GOOGLE)).contains("k-gemini");
        assertThat(endpoints.apiKey(Provider.ANTHROPIC)).isEmpty();
        assertThat(endpoints.apiKey(Provider.OPENAI_COMPATIBLE)).isEmpty();
        assertThat(endpoints.baseUrl(Provider.ANTHROPIC)).contains("http://proxy:8080");
        assertThat(endpoints.baseUrl(Provider.OPENAI_COMPATIBLE)).contains("http://ollama:11434/v1");
        assertThat(endpoints.baseUrl(Provider.DEEPSEEK)).contains("https://api.deepseek.com");
        assertThat(endpoints.isConfigured(Provider.OPENAI)).isTrue();
        assertThat(endpoints.isConfigured(Provider.ANTHROPIC)).isFalse();
        assertThat(endpoints.isConfigured(Provider.OPENAI_COMPATIBLE)).isTrue();
        assertThat(Provider.GOOGLE.keyEnvironmentVariable()).contains("GEMINI_API_KEY");
        // where a model's own base URL may send the key: the configured origin and the operator's allow-list only
        assertThat(endpoints.allowsBaseUrl(Provider.OPENAI, "https://api.openai.com/v1")).isTrue();
        assertThat(endpoints.allowsBaseUrl(Provider.OPENAI, "https://eu.openai.example/v1")).isTrue();
        assertThat(endpoints.allowsBaseUrl(Provider.OPENAI, "https://us.openai.example:8443")).isTrue();
        assertThat(endpoints.allowsBaseUrl(Provider.OPENAI, "https://us.openai.example")).isFalse();
        assertThat(endpoints.allowsBaseUrl(Provider.OPENAI, "http://eu.openai.example")).isFalse();
        assertThat(endpoints.allowsBaseUrl(Provider.ANTHROPIC, "https://eu.openai.example")).isFalse();
        assertThat(endpoints.allowsBaseUrl(Provider.ANTHROPIC, "http://proxy:8080/anthropic")).isTrue();
        assertThat(Provider.OPENAI_COMPATIBLE.keyEnvironmentVariable()).contains("OPENAI_COMPATIBLE_API_KEY");
    }
}
