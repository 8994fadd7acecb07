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
 *
 * <p>Only a configured value counts, not a default: quarkus-opentelemetry registers
 * {@code http://localhost:4317/} as the endpoint's default value (ordinal {@link Integer#MIN_VALUE}), which a native
 * executable shows to this source. A native executable keeps application.properties among its recorded runtime
 * values (ordinal 0), so any value above the defaults is one somebody configured.
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");
    /** Above application.properties (250), below .env (295), environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;
    /** The ordinal of default values: SmallRye's, and those extensions register through their config builders. */
    static final int DEFAULTS_ORDINAL = Integer.MIN_VALUE;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        for (String endpoint : ENDPOINTS) {
            ConfigValue value = context.getValue(endpoint);
            if (isConfigured(value)) {
                return List.of(new PropertiesConfigSource(Map.of(SDK_DISABLED, "false"), "autobench-tracing-switch",
                        ORDINAL));
            }
        }
        return List.of();
    }

    private static boolean isConfigured(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > DEFAULTS_ORDINAL;
    }
}
