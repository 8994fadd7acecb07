package dev.autobench.common.problem;

import jakarta.ws.rs.core.Response;

/**
 * A refusal a service raises on purpose: the status and a detail meant for the caller.
 * Extra headers (Retry-After, say) travel with it.
 */
public class ProblemException extends RuntimeException {

    private final Response.StatusType status;
    private final java.util.Map<String, String> headers;

    public ProblemException(Response.StatusType status, String detail) {
        this(status, detail, java.util.Map.of());
    }

    public ProblemException(Response.StatusType status, String detail, java.util.Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = java.util.Map.copyOf(headers);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    public Response.StatusType status() {
        return status;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }
}
