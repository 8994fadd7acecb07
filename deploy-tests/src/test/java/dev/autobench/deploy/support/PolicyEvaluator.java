package dev.autobench.deploy.support;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;

/**
 * Answers "may this pod open this connection?" under a set of NetworkPolicies, with the
 * Kubernetes semantics: a pod selected by any policy of a direction is isolated in that direction
 * and allowed only what one of those policies' rules permits; a connection needs both the
 * sender's egress and the receiver's ingress (for in-cluster receivers).
 */
public final class PolicyEvaluator {

    /** A pod, or an address outside the cluster ({@code labels == null}, {@code ip} set). */
    public record Endpoint(String namespace, Map<String, String> labels, Map<String, String> namespaceLabels, String ip) {

        public static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace, labels, Map.of("kubernetes.io/metadata.name", namespace), null);
        }

        public static Endpoint external(String ip) {
            return new Endpoint(null, null, null, ip);
        }

        boolean inCluster() {
            return labels != null;
        }
    }

    private final List<NetworkPolicy> policies;
    private final String namespace;

    public PolicyEvaluator(List<NetworkPolicy> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    public boolean allows(Endpoint from, Endpoint to, String protocol, int port) {
        return egressAllowed(from, to, protocol, port) && ingressAllowed(from, to, protocol, port);
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, String protocol, int port) {
        if (!from.inCluster() || !namespace.equals(from.namespace())) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), protocol, port));
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, String protocol, int port) {
        if (!to.inCluster() || !namespace.equals(to.namespace())) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), protocol, port));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        return policies.stream()
                .filter(p -> policyTypes(p).contains(direction))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    private static List<String> policyTypes(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress() == null || policy.getSpec().getEgress().isEmpty()
                ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, other));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Endpoint other) {
        if (peer.getIpBlock() != null) {
            if (other.inCluster()) {
                return false;
            }
            boolean inside = Cidr.contains(peer.getIpBlock().getCidr(), other.ip());
            List<String> except = peer.getIpBlock().getExcept();
            return inside && (except == null || except.stream().noneMatch(c -> Cidr.contains(c, other.ip())));
        }
        if (!other.inCluster()) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? namespace.equals(other.namespace())
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels());
        return namespaceOk && podOk;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, String protocol, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            IntOrString value = p.getPort();
            return proto.equals(protocol) && (value == null || (value.getIntVal() != null && value.getIntVal() == port));
        });
    }

    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null
                && !selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("Unknown operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** IPv4 CIDR containment, enough for the ipBlocks used here. */
    static final class Cidr {
        static boolean contains(String cidr, String ip) {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
        }

        private static long toLong(String ip) {
            long value = 0;
            for (String octet : ip.split("\\.")) {
                value = (value << 8) | Integer.parseInt(octet);
            }
            return value;
        }
    }
}
