package dev.autobench.dispatcher.domain;

import java.util.UUID;

/** A claim the lease reaper gave up on. */
public record AbandonedClaim(UUID submissionId, UUID taskId) {
}
