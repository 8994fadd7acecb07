package dev.autobench.llm.provider;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The origin (scheme, host, port) of an http(s) URL: what decides where a provider's key travels. */
public final class Origins {

    private Origins() {
    }

    /** {@code https://api.openai.com:443} for {@code https://API.openai.com/v1}; empty for anything that is not http(s). */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            // a user-info part ("https://api.openai.com@evil.example") is a classic way to disguise the real host
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
