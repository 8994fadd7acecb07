package dev.autobench.llm.ledger;

import java.util.UUID;

/**
 * An attempt about to be sent, as its in-flight ledger row records it.
 *
 * @param purpose      {@link ProviderCallLedger#SUBMISSION} or {@link ProviderCallLedger#TASK_AUTHOR}
 * @param submissionId the submission a dispatcher attempt answers; null for the task author
 * @param attempt      1 for the first attempt of a call, counting up across retries
 */
public record CallStart(String purpose, UUID submissionId, String provider, String apiModel, int attempt) {

    public static CallStart submission(UUID submissionId, String provider, String apiModel, int attempt) {
        return new CallStart(ProviderCallLedger.SUBMISSION, submissionId, provider, apiModel, attempt);
    }

    public static CallStart taskAuthor(String provider, String apiModel) {
        return new CallStart(ProviderCallLedger.TASK_AUTHOR, null, provider, apiModel, 1);
    }
}
