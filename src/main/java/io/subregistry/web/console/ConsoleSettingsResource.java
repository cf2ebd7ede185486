package io.subregistry.web.console;

import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import io.subregistry.security.Roles;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** The company's brand, for admins: name, colour, links, contact, footer, binding language and logo. */
@Path("/console/settings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ConsoleSettingsResource {

    private final BrandService brand;
    private final Console console;

    public ConsoleSettingsResource(BrandService brand, Console console) {
        this.brand = brand;
        this.console = console;
    }

    @GET
    public Response settings(@QueryParam("done") String done) {
        return page(200, console.frame(done), Form.of(shown(brand.current())), Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@BeanParam BrandForm form) {
        return console.submit(form, settings -> {
            brand.save(settings, console.user());
            return console.redirect("/console/settings", "settings-saved");
        }, (status, shown) -> page(status, console.frame(null), shown, Form.empty()));
    }

    @POST
    @Path("logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadLogo(@BeanParam LogoForm form) {
        return console.submit(form, bytes -> {
            brand.uploadLogo(bytes, console.user());
            return console.redirect("/console/settings", "logo-saved");
        }, (status, shown) -> page(status, console.frame(null), Form.of(shown(brand.current())), shown));
    }

    @POST
    @Path("logo/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeLogo() {
        brand.removeLogo(console.user());
        return console.redirect("/console/settings", "logo-removed");
    }

    private Response page(int status, Frame frame, Form form, Form logoForm) {
        return console.page(status, ConsolePages.settings(frame, brand.current(), form, logoForm, BrandField.ALL));
    }

    private static Map<String, String> shown(Brand current) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("companyName", orEmpty(current.companyName()));
        values.put("accentColor", orEmpty(current.accentColor()));
        values.put("privacyUrl", orEmpty(current.privacyUrl()));
        values.put("dpaUrl", orEmpty(current.dpaUrl()));
        values.put("legalPagesUrl", orEmpty(current.legalPagesUrl()));
        values.put("contactEmail", orEmpty(current.contactEmail()));
        values.put("footer", orEmpty(current.footer()));
        values.put("bindingLanguage", orEmpty(current.bindingLanguage()));
        return values;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
