package io.subregistry.notice.rest;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's address for rate limiting. Behind a proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} so that this is the client, not the proxy.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
