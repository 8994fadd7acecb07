package dev.autobench.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type     a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title    the short, stable summary of that kind
 * @param status   the HTTP status code, repeated for clients that only see the body
 * @param detail   what went wrong with this request, safe to show to the caller
 * @param instance the request path
 * @param errors   field-level violations, for validation problems
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: where it is and why. */
    @RegisterForReflection
    public record Violation(String field, String message) {
    }
}
