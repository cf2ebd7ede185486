package io.subregistry.web.console;

import io.subregistry.diff.ChangeLines;
import io.subregistry.importer.ImportService;
import io.subregistry.registry.draft.ImportPreview;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Importing a file into the draft from the draft page, in two steps: the file is previewed as
 * a diff against the draft, and applied only when confirmed, and only onto the draft revision
 * the preview was computed from.
 */
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
    public Response preview(@BeanParam ImportForm form) {
        return console.submit(form, upload -> {
            ImportPreview preview = importer.preview(upload.content(), upload.format(), upload.mode(), console.user());
            ConsolePages.ImportReview review = new ConsolePages.ImportReview(preview,
                    ChangeLines.of(preview.changes(), preview.sectionTitles()), upload.content(),
                    Forms.shown(form.format()), upload.mode().name().toLowerCase(java.util.Locale.ROOT));
            return console.page(ConsolePages.importPreview(console.frame(null), review));
        }, draftPage::withImportForm);
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response apply(@BeanParam ImportForm form) {
        return console.submit(form, upload -> {
            importer.importFile(upload.content(), upload.format(), upload.mode(), console.user(),
                    Forms.draftRevision(form.revision()));
            return console.redirect("/console/draft", "imported");
        }, draftPage::withImportForm);
    }
}
