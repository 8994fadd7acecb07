package dev.autobench.dispatcher.claim;

import java.util.UUID;

/**
 * One claim on a (task, model) pair: its submission and the token written with it. Every later write of
 * the pair (starting an attempt, storing the answer) names the token, so a claim that was reaped and then
 * re-claimed (by any process, this one included) can never be completed by its stale holder.
 *
 * @param lastAttempt the highest attempt number already used on this submission (0 for a fresh claim)
 */
public record Claim(UUID submissionId, UUID token, int lastAttempt) {
}
