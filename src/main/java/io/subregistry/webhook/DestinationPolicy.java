package io.subregistry.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs we will send to (no server-side request forgery). A URL must be absolute HTTPS
 * (or HTTP when allowed), carry no credentials, and every address its host resolves to must be
 * public: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * unique-local, multicast and unspecified addresses are refused unless private ones are allowed.
 * It is checked at registration and again before every attempt, because DNS can change in
 * between; the attempt then connects to the very address that was checked.
 */
public final class DestinationPolicy {

    /** Resolves a host name; the DNS in production, a table in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        Resolver DNS = host -> List.of(InetAddress.getAllByName(host));
    }

    /** Why a URL is refused, in words for a problem+json detail. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final boolean allowPrivate;
    private final boolean allowHttp;
    private final Resolver resolver;

    public DestinationPolicy(boolean allowPrivate, boolean allowHttp, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    /** The URL in normal form, if it may be registered; refused otherwise. */
    public URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim()).normalize();
        } catch (URISyntaxException e) {
            throw new Refused("the URL is not valid: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new Refused("the URL must be absolute, like https://hooks.example.com/subprocessors");
        }
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "only http and https URLs are allowed" : "only https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("the URL must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("the URL must not contain a fragment");
        }
        return uri;
    }

    /** Parses and resolves the URL; the first permitted address, or refused. */
    public Destination check(String url) throws Refused {
        URI uri = parse(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("the host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            // Every address, not only the first: a host answering with one public and one private
            // address could otherwise be steered to the private one.
            for (InetAddress address : addresses) {
                String kind = nonPublic(address);
                if (kind != null) {
                    throw new Refused("the host " + host + " resolves to a " + kind + " address (" + address.getHostAddress()
                            + "); only public addresses are allowed");
                }
            }
        }
        return new Destination(uri, addresses.get(0));
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String nonPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isMappedIpv4(b)) {
                try {
                    return nonPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return "malformed";
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local (private)";
            }
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local (cloud metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "carrier-grade NAT (private)";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "reserved";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking (private)";
            }
            if (first >= 240) {
                return "reserved";
            }
        }
        return null;
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
