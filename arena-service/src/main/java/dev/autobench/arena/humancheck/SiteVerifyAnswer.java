package dev.autobench.arena.humancheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The part of a {@code siteverify} answer the arena reads; the providers add fields of their own. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteVerifyAnswer(boolean success, @JsonProperty("error-codes") List<String> errorCodes) {

    public List<String> errorCodes() {
        return errorCodes == null ? List.of() : errorCodes;
    }
}
