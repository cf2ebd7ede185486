package io.subregistry.notice.rest;

import io.vertx.core.http.HttpServerRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whom the subscription rate limit counts a request against: the address the request came from,
 * or, with {@code quarkus.http.proxy.proxy-address-forwarding} on, the first address of
 * X-Forwarded-For, believed only from {@code quarkus.http.proxy.trusted-proxies} (the proxy must
 * set that header itself, not append to the client's). An IPv6 client counts by its /64 network:
 * one host commonly holds a whole /64 and could otherwise take a fresh address per request.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : of(request.remoteAddress().hostAddress());
    }

    /** The client an address literal counts as. */
    static String of(String address) {
        if (address == null || !address.contains(":")) {
            return address == null ? "unknown" : address;
        }
        try {
            // An IP literal: InetAddress parses it without asking DNS.
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();          // an IPv4-mapped IPv6 address
            }
            byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
