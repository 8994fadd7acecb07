package dev.autobench.arena.pairing;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record PairingResult(int created) {
}
