package io.subregistry.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers that make our HTML hard to abuse: a Content-Security-Policy that allows no script at
 * all (the site needs none) and no framing. nosniff and the referrer policy are set for every
 * response in application.properties.
 */
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && (type.isCompatible(MediaType.TEXT_HTML_TYPE) || type.getSubtype().contains("xml"))) {
            // A response that set its own, stricter policy keeps it (an uploaded SVG logo is sandboxed).
            if (!response.getHeaders().containsKey("Content-Security-Policy")) {
                response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
        }
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
    }
}
