package dev.autobench.arena.rest;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exception shape Narayana produced when PostgreSQL stopped during a vote's commit (seen in
 * FaultToleranceE2ETest, where it answered 500): the JDBC cause hangs off a suppressed XAException.
 */
class CommitFailureMapperTest {

    @Test
    void aCommitKilledByTheServerShuttingDownIsAConnectionLoss() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(CommitFailureMapper.connectionLost(new ArcUndeclaredThrowableException("Error invoking subclass method", rollback),
                Collections.newSetFromMap(new IdentityHashMap<>()))).isTrue();
    }

    @Test
    void otherCommitFailuresStayServerErrors() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("duplicate key", "23505"));
        assertThat(CommitFailureMapper.connectionLost(new ArcUndeclaredThrowableException("x", rollback),
                Collections.newSetFromMap(new IdentityHashMap<>()))).isFalse();
    }
}
