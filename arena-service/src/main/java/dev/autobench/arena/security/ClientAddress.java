package dev.autobench.arena.security;

import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The caller's network address, reduced at once to a keyed hash (the raw address is never stored
 * or logged). Behind a proxy every connection comes from the proxy, so X-Forwarded-For is read, but
 * only on Quarkus' word that the peer is a trusted proxy ({@code quarkus.http.proxy.trusted-proxies},
 * announced by its {@code X-Forwarded-Trusted-Proxy} header, which it sets or strips itself). Quarkus
 * itself takes the left-most X-Forwarded-For entry, which ALB, GCP and ingress-nginx leave under the
 * client's control (they append); so the client is the right-most entry that is not a trusted proxy.
 * IPv6 clients are grouped by /64, the smallest block a home or cloud customer gets.
 */
@Startup // a forwarding setup that would trust every peer must fail at start
@ApplicationScoped
public class ClientAddress {

    static final String TRUSTED_PROXY_HEADER = "X-Forwarded-Trusted-Proxy";
    static final String UNPARSEABLE = "unparseable";

    private final SigningKey key;
    private final boolean forwarding;
    private final ProxyNetworks trusted;

    @Inject
    public ClientAddress(SigningKey key,
                         @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
                         boolean forwarding,
                         @ConfigProperty(name = "quarkus.http.proxy.enable-trusted-proxy-header", defaultValue = "false")
                         boolean trustedProxyHeader,
                         @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
                         Optional<List<String>> trustedProxies) {
        this.key = key;
        this.forwarding = forwarding;
        this.trusted = ProxyNetworks.parse(trustedProxies.orElse(List.of()));
        if (forwarding && trusted.isEmpty()) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding=true without"
                    + " quarkus.http.proxy.trusted-proxies would let every client choose its own address");
        }
        if (forwarding && !trustedProxyHeader) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding=true needs"
                    + " quarkus.http.proxy.enable-trusted-proxy-header=true: it is how the arena learns the peer is trusted");
        }
    }

    public String ipHash(HttpServerRequest request) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.hashIp(bucket(request)));
    }

    /** The rate-limit bucket of this request: an IPv4 address, an IPv6 /64, or a fixed name. */
    String bucket(HttpServerRequest request) {
        return ip(request).map(ClientAddress::group).orElse(UNPARSEABLE);
    }

    Optional<byte[]> ip(HttpServerRequest request) {
        if (forwarding && "true".equals(request.getHeader(TRUSTED_PROXY_HEADER))) {
            // Quarkus has already replaced remoteAddress() with the left-most entry: read the header
            Optional<byte[]> forwarded = rightMostUntrusted(request.headers().getAll("X-Forwarded-For"));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return request.remoteAddress() == null ? Optional.empty()
                : ProxyNetworks.literal(request.remoteAddress().hostAddress());
    }

    /**
     * Walking from the right (the hop our trusted proxy added), the first address that is not a
     * trusted proxy; the left-most when all are; empty when that entry is not an IP literal (a
     * trusted proxy would not write one: such requests share one bucket); null without any entry.
     */
    Optional<byte[]> rightMostUntrusted(List<String> headers) {
        List<String> entries = headers.stream().flatMap(h -> Arrays.stream(h.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (entries.isEmpty()) {
            return null;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<byte[]> address = ProxyNetworks.literal(entries.get(i));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            if (i == 0 || !trusted.contains(address.get())) {
                return address;
            }
        }
        return null; // unreachable: i == 0 returns
    }

    static String group(byte[] address) {
        if (address.length == 16) {
            byte[] network = Arrays.copyOf(address, 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return NetUtil.bytesToIpAddress(network) + "/64";
        }
        return NetUtil.bytesToIpAddress(address);
    }
}
