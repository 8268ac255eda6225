package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address range in CIDR form ({@code 203.0.113.0/24}, {@code 2001:db8::/32});
 * a single address is a range of one. The network is kept with its host bits cleared, so
 * {@code 203.0.113.7/24} is stored and shown as {@code 203.0.113.0/24}.
 */
public record AddressRange(InetAddress network, int prefixLength) {

    static final String RULE = "must be an IPv4 or IPv6 address, or a CIDR range such as 203.0.113.0/24";

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for a " + bits + "-bit address");
        }
        network = masked(network, prefixLength);
    }

    /** Parses {@code text}; InvalidInput naming {@code field} when it is not an address or range. */
    public static AddressRange parse(String field, String text) {
        return tryParse(text).orElseThrow(() -> new InvalidInput(field, RULE));
    }

    public static Optional<AddressRange> tryParse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        Optional<InetAddress> address = Hosts.ipLiteral(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        if (slash < 0) {
            return Optional.of(new AddressRange(address.get(), bits));
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(address.get(), Integer.parseInt(prefix)));
    }

    /** True when {@code address} lies in this range; an IPv4 address is never in an IPv6 range. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        return java.util.Arrays.equals(masked(address, prefixLength).getAddress(), net);
    }

    public boolean isIpv4() {
        return network instanceof Inet4Address;
    }

    /** {@code address/prefix}, the prefix left out for a single address. */
    @Override
    public String toString() {
        int bits = network.getAddress().length * 8;
        return prefixLength == bits ? Hosts.format(network) : Hosts.format(network) + "/" + prefixLength;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
