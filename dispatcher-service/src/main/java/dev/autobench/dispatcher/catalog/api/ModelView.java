package dev.autobench.dispatcher.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A model as {@code GET /api/models} shows it and {@code PUT /api/models/{slug}} accepts it.
 * On GET, {@code active} is whether the model is really called (enabled and its provider configured)
 * and {@code enabled} is the operator's switch; on PUT, {@code active} sets that switch.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be lower-case letters, digits, '.', '_' or '-' (max 64)")
        String slug,
        @NotBlank @Pattern(regexp = "openai|anthropic|google|deepseek|openai-compatible|demo",
                message = "must be one of openai, anthropic, google, deepseek, openai-compatible, demo")
        String provider,
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = NO_CONTROL_MESSAGE) String apiModel,
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = NO_CONTROL_MESSAGE) String displayName,
        @NotNull Boolean active,
        @NotNull @DecimalMin("0") @DecimalMax("99999999") BigDecimal inputUsdPerMtok,
        @NotNull @DecimalMin("0") @DecimalMax("99999999") BigDecimal outputUsdPerMtok,
        @NotNull @Min(1) @Max(1_000_000) Integer maxOutputTokens,
        @NotNull @Min(1) @Max(3600) Integer timeoutSeconds,
        @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String baseUrl,
        Boolean enabled,
        String inactiveReason,
        @DecimalMin("0") @DecimalMax("99999999") BigDecimal cachedInputUsdPerMtok) {

    // PostgreSQL refuses NUL in text, so a NUL must be a 400 here, and the UI has no use for control characters
    static final String NO_CONTROL_CHARACTERS = "^[^\\p{Cntrl}]*$";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters";
}
