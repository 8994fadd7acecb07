package dev.autobench.arena.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Answers a GET under a strong ETag: a 304 without a body when the client's {@code If-None-Match}
 * names the current tag, the body otherwise. Callers add their own caching and security headers.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /** A 304 or a 200 with {@code body}, tagged with {@code etag} (the tag's value, unquoted). */
    public static Response.ResponseBuilder answer(String ifNoneMatch, String etag, Object body, String mediaType) {
        EntityTag tag = new EntityTag(etag);
        return matches(ifNoneMatch, tag) ? Response.notModified(tag) : Response.ok(body, mediaType).tag(tag);
    }

    /**
     * As {@link #answer}, typed for bytes whose media type the resource method declares: RESTEasy picks
     * the byte[] writer when the application is built instead of looking one up for every response
     * (the lookup was a tenth of a memory-served endpoint's CPU).
     */
    public static RestResponse.ResponseBuilder<byte[]> bytes(String ifNoneMatch, EntityTag tag, byte[] body) {
        return matches(ifNoneMatch, tag) ? RestResponse.ResponseBuilder.notModified(tag)
                : RestResponse.ResponseBuilder.ok(body).tag(tag);
    }

    /** Whether {@code If-None-Match} (a list, weak tags and {@code *} included) names {@code tag}. */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
