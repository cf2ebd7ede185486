package io.subregistry.web.console;

import io.subregistry.importer.ImportService;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Importing a file into the draft from the draft page. */
@Path("/console/draft/import")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.TEXT_HTML)
public class ConsoleImportResource {

    private final ImportService importer;
    private final DraftPage draftPage;
    private final Console console;

    public ConsoleImportResource(ImportService importer, DraftPage draftPage, Console console) {
        this.importer = importer;
        this.draftPage = draftPage;
        this.console = console;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@BeanParam ImportForm form) {
        return console.submit(form, upload -> {
            importer.importFile(upload.content(), upload.format(), upload.mode(), console.user());
            return console.redirect("/console/draft", "imported");
        }, draftPage::withImportForm);
    }
}
