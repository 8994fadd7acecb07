package dev.autobench.arena.rest;

import dev.autobench.common.problem.ProblemExceptionMappers;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A commit that fails because the database went away is a 503, like any other lost connection.
 * Narayana reports it as a RollbackException (wrapped by ArC) whose JDBC cause is only a
 * <em>suppressed</em> exception, which the shared mapper does not look at, so a vote in flight
 * while PostgreSQL stopped answered 500. The client may retry the same token: 201 if the vote was
 * not stored, 409 if it was.
 */
public class CommitFailureMapper {

    private final ProblemExceptionMappers shared = new ProblemExceptionMappers();

    @ServerExceptionMapper
    public Response commitFailed(ArcUndeclaredThrowableException e, UriInfo uri) {
        return connectionLost(e, Collections.newSetFromMap(new IdentityHashMap<>()))
                ? shared.unexpected(new SQLTransientConnectionException("the database connection was lost at commit", e), uri)
                : shared.unexpected(e, uri);
    }

    /** Looks through causes and suppressed exceptions for a connection-class (08xxx) or shutdown (57P0x) state. */
    static boolean connectionLost(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) {
            return false;
        }
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        if (e instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (connectionLost(suppressed, seen)) {
                return true;
            }
        }
        return connectionLost(e.getCause(), seen);
    }
}
