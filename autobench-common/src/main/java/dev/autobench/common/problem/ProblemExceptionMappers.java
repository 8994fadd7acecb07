package dev.autobench.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure that reaches the REST layer into RFC 9457 problem+json: the caller's
 * mistakes into a clear 4xx, an unreachable database into a 503 that says when to come back,
 * and anything else into a 500 that leaks no internals.
 */
public class ProblemExceptionMappers {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = Problems.response(e.status(), e.getMessage(), uri.getPath());
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (original.hasEntity() && Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        String detail = status.getStatusCode() >= 500 ? status.getReasonPhrase() : safeMessage(e, status);
        Response problem = Problems.response(status, detail, uri.getPath());
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.type(Problem.MEDIA_TYPE).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = errors.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return Problems.response(Response.Status.BAD_REQUEST, "Invalid request: " + detail, uri.getPath(), errors);
    }

    // Quarkus ships its own mappers for these two; naming them here makes ours win.
    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON of the expected shape";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail += " (at '" + field + "')";
        }
        return Problems.response(Response.Status.BAD_REQUEST, detail, uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("database unavailable while serving %s: %s", uri.getPath(), rootMessage(e));
            return Response.fromResponse(Problems.response(Response.Status.SERVICE_UNAVAILABLE,
                            "The database is unavailable; try again shortly.", uri.getPath()))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.errorf(e, "unexpected error serving %s", uri.getPath());
        return Problems.response(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.", uri.getPath());
    }

    /**
     * Connection-class SQL states (08xxx), server shutdown (57P0x), or a pool that could not
     * connect, anywhere among the causes and suppressed exceptions: a commit killed by a database
     * shutdown reaches us as a RollbackException whose JDBC error is only a suppressed one.
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        return isDatabaseUnavailable(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean isDatabaseUnavailable(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        String name = t.getClass().getName();
        if (name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("io.agroal.pool.ConnectionPool$AcquisitionTimeoutException")) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isDatabaseUnavailable(suppressed, seen)) {
                return true;
            }
        }
        return isDatabaseUnavailable(t.getCause(), seen);
    }

    private static String safeMessage(WebApplicationException e, Response.StatusType status) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ")) {
            return status.getReasonPhrase();
        }
        return message;
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // method-parameter paths look like "vote.arg0.outcome": keep the part a client wrote
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
