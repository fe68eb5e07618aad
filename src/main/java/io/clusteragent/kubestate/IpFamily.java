package io.clusteragent.kubestate;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The {@code ip_family} of a pod IP as {@code kube_pod_ips} labels it: Go's {@code netip.ParseAddr} then
 * {@code Unmap()}, so an IPv4-mapped IPv6 address counts as IPv4. Never resolves a name: text that is neither an
 * IPv4 literal nor contains a colon is not an address.
 */
final class IpFamily {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /** netip's IPv4 form: four decimal octets, no leading zeros. */
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpFamily() {}

    /** {@code "4"}, {@code "6"}, or null when the text is not an IP address. */
    static String of(String ip) {
        if (ip == null) {
            return null;
        }
        if (IPV4.matcher(ip).matches()) {
            return "4";
        }
        int zone = ip.indexOf('%');
        String address = zone < 0 ? ip : ip.substring(0, zone);
        if (!address.contains(":") || !IPV6_TEXT.matcher(address).matches() || zone == ip.length() - 1) {
            return null;
        }
        try {
            // A literal with a colon is parsed, never looked up; Java returns IPv4-mapped addresses as IPv4.
            return InetAddress.getByName(address) instanceof Inet4Address ? "4" : "6";
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
