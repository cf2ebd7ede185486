package io.subregistry.web.embed;

import io.quarkus.qute.TemplateInstance;
import io.subregistry.platform.i18n.Language;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The list for a frame on the company's own legal page: {@code /embed}, or one section with
 * {@code ?section=key}, in the reader's language; the only page the configured sites may frame.
 */
@Path("/embed")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class EmbedPage {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final EmbedViews views;
    private final EmbedPolicy policy;

    public EmbedPage(EmbedViews views, EmbedPolicy policy) {
        this.views = views;
        this.policy = policy;
    }

    /** An unknown section is a 404 page in the frame (with a link to the whole list), not an empty list. */
    @GET
    public Response embed(@QueryParam("section") String section, @QueryParam("lang") String lang,
                          @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = Language.forReader(lang, acceptLanguage);
        EmbedView view = views.of(language, section);
        TemplateInstance page = EmbedTemplates.embed(view);
        page.setLocale(language.locale());
        return Response.status(view.unknownSection() ? 404 : 200).type(HTML).entity(page.render())
                .header("Content-Security-Policy", policy.contentSecurityPolicy())
                // no token or personal data in it: the company's visitors may share a minute-old copy
                .header("Cache-Control", "public, max-age=60")
                .header("Vary", "Accept-Language")
                .build();
    }
}
