package dev.autobench.dispatcher.claim;

import java.util.UUID;

/** A claim the lease reaper gave up on. */
public record AbandonedClaim(UUID submissionId, UUID taskId) {
}
