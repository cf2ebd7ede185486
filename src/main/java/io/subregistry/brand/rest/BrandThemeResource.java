package io.subregistry.brand.rest;

import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The brand's colours as a style sheet that pages load after site.css. The policy of our pages
 * allows no inline style, so the accent colour comes from here; its URL carries the colour
 * ({@link Brand#themeUrl()}), so a change shows at once while browsers may cache each version.
 */
@Path("/brand/theme.css")
@PermitAll
public class BrandThemeResource {

    private final BrandService brand;

    public BrandThemeResource(BrandService brand) {
        this.brand = brand;
    }

    @GET
    @Produces("text/css")
    @Operation(hidden = true)
    public Response theme(@HeaderParam("If-None-Match") String ifNoneMatch) {
        Brand current = brand.current();
        String etag = "\"" + current.accentColor().substring(1) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().tag(current.accentColor().substring(1)).build();
        }
        // The colour passed the contrast check as "#rrggbb"; nothing else reaches this text.
        return Response.ok(":root { --accent: " + current.accentColor() + "; --accent-ink: #ffffff; }\n", "text/css")
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
