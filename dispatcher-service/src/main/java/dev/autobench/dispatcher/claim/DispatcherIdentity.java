package dev.autobench.dispatcher.claim;

import dev.autobench.dispatcher.dispatch.DispatchConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.util.UUID;

/** Who holds a claim: this process, so that only it may complete what it claimed. */
@ApplicationScoped
public class DispatcherIdentity {

    private final String name;

    DispatcherIdentity(DispatchConfig config) {
        this.name = config.instanceId().filter(s -> !s.isBlank()).orElseGet(DispatcherIdentity::generated);
    }

    public String name() {
        return name;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "dispatcher";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
