package dev.autobench.common.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Tracing is off unless an OTLP endpoint is configured: the services that trace set
 * {@code quarkus.otel.sdk.disabled=true} in application.properties, and this source turns the SDK on
 * (above application.properties, below environment variables and system properties) as soon as
 * {@code quarkus.otel.exporter.otlp.endpoint} or {@code quarkus.otel.exporter.otlp.traces.endpoint} has a
 * value. So an operator sets one variable, {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, and an explicit
 * {@code QUARKUS_OTEL_SDK_DISABLED} still wins. Without an endpoint nothing is exported anywhere (the SDK
 * default would be localhost:4317, which does not exist in the cluster).
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");
    /** Above application.properties (250), below .env (295), environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        for (String endpoint : ENDPOINTS) {
            ConfigValue value = context.getValue(endpoint);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                return List.of(new PropertiesConfigSource(Map.of(SDK_DISABLED, "false"), "autobench-tracing-switch",
                        ORDINAL));
            }
        }
        return List.of();
    }
}
