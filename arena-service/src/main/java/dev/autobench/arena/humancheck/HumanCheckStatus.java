package dev.autobench.arena.humancheck;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * What the arena page needs to know: whether a check is asked for, whether this browser's cookie has
 * passed it (and until when it counts), and how to render the widget. Registered for reflection: it leaves as a
 * {@code Response} entity, whose type Quarkus cannot see at build time, and a native image has no other way to
 * let Jackson read its components.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HumanCheckStatus(boolean enabled, boolean passed, Instant validUntil, String siteKey, String scriptUrl) {

    public static HumanCheckStatus disabled() {
        return new HumanCheckStatus(false, false, null, null, null);
    }
}
