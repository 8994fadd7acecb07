package dev.autobench.arena.support;

/** X-Forwarded-For honoured from these trusted proxies, and three votes a minute per client address. */
public abstract class ForwardingProfile extends ConfigProfile {

    protected ForwardingProfile(String trustedProxies) {
        super("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.trusted-proxies", trustedProxies,
                "autobench.arena.rate-limit.ip-per-minute", "3");
    }
}
