package dev.autobench.dispatcher.service;

import dev.autobench.dispatcher.domain.Claim;

/** The claim of a pair was reaped or re-claimed before an attempt could start: nothing is sent. */
public class ClaimLostException extends RuntimeException {

    ClaimLostException(Claim claim) {
        super("the claim on submission " + claim.submissionId() + " is gone (reaped or re-claimed); not called", null,
                false, false);
    }
}
