package dev.autobench.arena.tasks;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A model as visitors may see it once identities are revealed. */
@RegisterForReflection
public record ModelIdentity(String model, String displayName, String provider) {
}
