package dev.autobench.common.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses, so every service answers errors in the same shape. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Response.StatusType status, String detail, String instance) {
        return response(status, detail, instance, null);
    }

    public static Response response(Response.StatusType status, String detail, String instance,
                                    List<Problem.Violation> errors) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, instance, errors);
    }

    public static Response response(int status, String title, String detail, String instance,
                                    List<Problem.Violation> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, normalise(instance), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String normalise(String path) {
        if (path == null) {
            return null;
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}
