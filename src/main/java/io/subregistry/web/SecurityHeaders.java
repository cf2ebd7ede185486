package io.subregistry.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers that make our HTML hard to abuse: a Content-Security-Policy that allows no script at
 * all (the site needs none) and no framing. nosniff and the referrer policy are set for every
 * response in application.properties. A page meant for other sites' frames (/embed) sets its
 * own policy, made with {@link #policyFramedBy}; only such a page goes without X-Frame-Options.
 */
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = policyFramedBy("'none'");

    /** The site's policy with the given {@code frame-ancestors} sources ({@code 'none'}, or {@code 'self'} and origins). */
    public static String policyFramedBy(String frameAncestors) {
        return "default-src 'none'; style-src 'self'; img-src 'self' data:;"
                + " form-action 'self'; frame-ancestors " + frameAncestors + "; base-uri 'none'";
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        Object own = response.getHeaders().getFirst("Content-Security-Policy");
        if (own == null && type != null && (type.isCompatible(MediaType.TEXT_HTML_TYPE) || type.getSubtype().contains("xml"))) {
            // A response that set its own policy keeps it (an uploaded SVG logo is sandboxed, /embed may be framed).
            response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (!mayBeFramed(own)) {
            response.getHeaders().putSingle("X-Frame-Options", "DENY");
        }
    }

    /**
     * Whether a response's own policy lets some site frame it. X-Frame-Options DENY would then contradict it: browsers
     * that know frame-ancestors ignore it, older ones would refuse the frame.
     */
    private static boolean mayBeFramed(Object policy) {
        if (policy == null) {
            return false;
        }
        String text = policy.toString();
        int at = text.indexOf("frame-ancestors ");
        return at >= 0 && !text.startsWith("'none'", at + "frame-ancestors ".length());
    }
}
