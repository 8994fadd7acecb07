package dev.autobench.arena.security;

import dev.autobench.arena.config.ArenaConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Base64;

/**
 * The caller's IP, reduced at once to a keyed hash: the raw address is never stored or logged.
 * X-Forwarded-For is a client-controlled header, so it is believed only when configured (behind an
 * ingress that overwrites it); then its first entry is the client.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    ArenaConfig config;

    @Inject
    SigningKey key;

    public String ipHash(HttpServerRequest request) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.hashIp(ip(request)));
    }

    String ip(HttpServerRequest request) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",", 2)[0].trim();
                if (!first.isEmpty()) {
                    return first;
                }
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
