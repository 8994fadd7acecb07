package dev.autobench.common.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void aCommitKilledByTheServerShuttingDownIsAConnectionLoss() {
        // as Narayana reports it: the JDBC error only as a suppressed exception of the rollback
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(ProblemExceptionMappers.isDatabaseUnavailable(new RuntimeException("invoking", rollback))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("duplicate key", "23505"));
        assertThat(ProblemExceptionMappers.isDatabaseUnavailable(new RuntimeException("x", rollback))).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.addSuppressed(b);
        assertThat(ProblemExceptionMappers.isDatabaseUnavailable(b)).isFalse();
    }
}
