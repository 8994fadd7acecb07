package dev.autobench.arena.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record PairingResult(int created) {
}
