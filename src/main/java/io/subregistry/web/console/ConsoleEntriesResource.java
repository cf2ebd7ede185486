package io.subregistry.web.console;

import io.subregistry.platform.error.ResourceNotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.registry.draft.DraftExport;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView.EntryView;
import io.subregistry.security.Roles;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The draft page and its sub-processors: adding, editing, moving and removing them. */
@Path("/console/draft")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.TEXT_HTML)
public class ConsoleEntriesResource {

    private final DraftService draft;
    private final DraftPage draftPage;
    private final Console console;
    private final ObjectMapper json;

    public ConsoleEntriesResource(DraftService draft, DraftPage draftPage, Console console, ObjectMapper json) {
        this.draft = draft;
        this.draftPage = draftPage;
        this.console = console;
        this.json = json;
    }

    /** After a removal ({@code undo} names it) the outcome offers to undo it. */
    @GET
    public Response draftPage(@QueryParam("done") String done, @QueryParam("undo") String undo) {
        return draftPage.show(console.frame(done), "removed".equals(done) ? undo : null);
    }

    /** The draft as CSV that imports back unchanged (see {@link Downloads}). */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response exportCsv() {
        return Downloads.csv("draft.csv", DraftExport.csv(draft.view()));
    }

    /** The draft as the JSON of {@code GET /api/v1/draft}, which imports back unchanged. */
    @GET
    @Path("export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response exportJson() throws JsonProcessingException {
        return Downloads.json("draft.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(draft.view()));
    }

    @POST
    @Path("entries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@BeanParam EntryForm form) {
        return console.submit(form, input -> {
            draft.add(input, console.user());
            return console.redirect("/console/draft", "added");
        }, draftPage::withEntryForm);
    }

    @GET
    @Path("entries/{id}")
    public Response entryPage(@PathParam("id") String id) {
        EntryView entry = entryOf(id);
        return entryPage(200, entry, Form.of(EntryForm.of(entry).values()));
    }

    /** A refused change shows the entry as it is now, with the revision to change it from. */
    @POST
    @Path("entries/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @BeanParam EntryForm form) {
        EntryView entry = entryOf(id);
        return console.submit(form, input -> {
            draft.update(entry.id(), input, Forms.entryRevision(form.revision()), console.user());
            return console.redirect("/console/draft", "saved");
        }, (status, shown) -> {
            if (!shown.refused()) {
                return entryPage(status, entry, shown);
            }
            EntryView current = draft.entry(entry.id()).orElse(entry);
            return entryPage(status, current, shown.with("revision", Long.toString(current.revision())));
        });
    }

    /** Asks before removing: what goes, and that it can be undone until the draft is published. */
    @GET
    @Path("entries/{id}/delete")
    public Response confirmRemoval(@PathParam("id") String id) {
        EntryView entry = entryOf(id);
        return console.page(ConsolePages.removeEntry(console.frame(null), entry, Long.toString(entry.revision()),
                draft.section(entry.section()).map(section -> section.title()).orElse(entry.section())));
    }

    @POST
    @Path("entries/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") String id, @BeanParam RevisionForm form) {
        EntryView entry = entryOf(id);
        return console.submit(form, revision -> {
            draft.remove(entry.id(), Forms.entryRevision(revision), console.user());
            return console.redirect("/console/draft?undo=" + entry.id(), "removed");
        }, (status, shown) -> entryPage(status, entry, shown.withValues(EntryForm.of(entry).values())));
    }

    /** Undoes a removal: the entry comes back with its id and fields. */
    @POST
    @Path("entries/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") String id) {
        UUID uuid = uuidOf(id);
        try {
            draft.restore(uuid, console.user());
            return console.redirect("/console/draft", "entry-restored");
        } catch (io.subregistry.platform.error.RegistryException refused) {
            return draftPage.show(io.subregistry.platform.error.HttpStatuses.of(refused),
                    console.frame(null).withFlash(Forms.sentence(refused.detail()), "bad"));
        }
    }

    private Response entryPage(int status, EntryView entry, Form form) {
        return console.page(status, ConsolePages.entry(console.frame(null), entry, draft.view().sections(), form));
    }

    private EntryView entryOf(String id) {
        return draft.entry(uuidOf(id)).orElseThrow(() -> new ResourceNotFoundException("no such sub-processor in the draft"));
    }

    private static UUID uuidOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("no such sub-processor in the draft");
        }
    }
}
