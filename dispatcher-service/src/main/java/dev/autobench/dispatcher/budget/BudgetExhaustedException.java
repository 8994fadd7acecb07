package dev.autobench.dispatcher.budget;

/** The task day's call budget is spent: the attempt is not sent. */
public class BudgetExhaustedException extends RuntimeException {

    public BudgetExhaustedException(long used, int allowed) {
        super("the day's call budget is spent (" + used + " of " + allowed + " calls): not called", null, false, false);
    }
}
