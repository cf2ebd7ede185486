package io.subregistry.brand.rest;

import io.subregistry.brand.BrandService;
import io.subregistry.platform.error.ResourceNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The company's logo, as uploaded. An SVG can carry script: it is served with a policy that makes
 * it inert even when opened on its own (no script, no requests, a sandbox), and pages only show
 * it through {@code <img>}, where browsers never run script anyway.
 */
@Path("/brand/logo")
@PermitAll
@Tag(name = "Public")
public class BrandLogoResource {

    static final String INERT = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final BrandService brand;

    public BrandLogoResource(BrandService brand) {
        this.brand = brand;
    }

    @GET
    // An image for the pages, not part of the JSON API (the API documentation leaves pages out).
    @Operation(hidden = true)
    public Response logo(@HeaderParam("If-None-Match") String ifNoneMatch) {
        BrandService.StoredLogo logo = brand.logo()
                .orElseThrow(() -> new ResourceNotFoundException("No logo has been uploaded."));
        String etag = "\"" + logo.sha256().substring(0, 32) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().tag(logo.sha256().substring(0, 32)).build();
        }
        return Response.ok(logo.bytes(), logo.contentType())
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=300")
                .header("Content-Security-Policy", INERT)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"logo." + (logo.contentType().equals("image/png") ? "png" : "svg") + "\"")
                .build();
    }
}
