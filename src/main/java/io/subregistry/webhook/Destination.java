package io.subregistry.webhook;

import java.net.InetAddress;
import java.net.URI;

/** Where one attempt goes: the endpoint's URL and the address it resolved to and that was checked. */
public record Destination(URI url, InetAddress address) {

    public int port() {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    public boolean tls() {
        return "https".equals(url.getScheme());
    }

    /** Path and query as sent in the request line. */
    public String requestUri() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
