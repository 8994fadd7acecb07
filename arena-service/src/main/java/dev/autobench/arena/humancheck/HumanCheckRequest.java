package dev.autobench.arena.humancheck;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The token the page's widget produced. */
@RegisterForReflection
public record HumanCheckRequest(String token) {
}
