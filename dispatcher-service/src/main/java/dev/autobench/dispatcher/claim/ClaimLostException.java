package dev.autobench.dispatcher.claim;


/** The claim of a pair was reaped or re-claimed before an attempt could start: nothing is sent. */
public class ClaimLostException extends RuntimeException {

    public ClaimLostException(Claim claim) {
        super("the claim on submission " + claim.submissionId() + " is gone (reaped or re-claimed); not called", null,
                false, false);
    }
}
