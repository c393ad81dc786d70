package io.airwarn.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The network a client address belongs to, for limits that one host must not dodge by changing its address: one
 * person easily holds a whole IPv6 /64, or several addresses of an IPv4 /24. Pure.
 */
public final class ClientNetworks {

    private ClientNetworks() {
    }

    /** The address's network as text ("203.0.113.0/24", "2001:db8:1:2::/64"); unparseable input is kept as is. */
    public static String of(String address, int ipv4Prefix, int ipv6Prefix) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.strip().replace("[", "").replace("]", "").replaceAll("%.*$", "");
        // Only literals: anything else would make InetAddress look a name up in DNS.
        if (!literal.contains(":") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return literal.toLowerCase(Locale.ROOT);
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] bytes = parsed.getAddress();
            int prefix = bytes.length == 4 ? ipv4Prefix : ipv6Prefix;
            for (int bit = prefix; bit < bytes.length * 8; bit++) {
                bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return literal.toLowerCase(Locale.ROOT);
        }
    }
}
