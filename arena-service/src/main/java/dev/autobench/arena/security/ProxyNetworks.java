package dev.autobench.arena.security;

import io.netty.util.NetUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trusted proxy networks, as IP literals or CIDRs ({@code 10.0.0.0/8}, {@code fd00::/8}). Parsed
 * with Netty's literal parser, which never resolves a name: a forwarded address is data, not a host.
 */
public final class ProxyNetworks {

    private final List<Network> networks;

    private ProxyNetworks(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * @throws IllegalArgumentException naming the first entry that is neither an address nor a CIDR
     */
    public static ProxyNetworks parse(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR: " + entry);
            }
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an IP address or CIDR: " + entry);
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range: " + entry);
                }
            }
            networks.add(new Network(address, bits));
        }
        return new ProxyNetworks(networks);
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    public boolean contains(byte[] address) {
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of an IP literal (4 for IPv4, including IPv4-mapped IPv6; 16 for IPv6), or empty. */
    public static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        // X-Forwarded-For may carry "[v6]" or "[v6]:port" or "v4:port" (Azure); the port is not the client
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            value = value.substring(1, close);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':'));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(value);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(unmapped(bytes));
    }

    static byte[] unmapped(byte[] bytes) {
        if (bytes.length == 16) {
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            }
        }
        return bytes;
    }

    private record Network(byte[] prefix, int bits) {
        Network {
            prefix = unmapped(prefix);
            if (prefix.length == 4 && bits > 32) {
                bits -= 96; // an IPv4-mapped IPv6 CIDR (::ffff:10.0.0.0/104)
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }
}
