package io.subregistry.web.console;

import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView.SectionView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The draft's sections: adding, renaming, reordering and deleting them. */
@Path("/console/draft/sections")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.TEXT_HTML)
public class ConsoleSectionsResource {

    private final DraftService draft;
    private final DraftPage draftPage;
    private final Console console;

    public ConsoleSectionsResource(DraftService draft, DraftPage draftPage, Console console) {
        this.draft = draft;
        this.draftPage = draftPage;
        this.console = console;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@BeanParam NewSectionForm form) {
        return console.submit(form, input -> {
            draft.addSection(input, console.user());
            return console.redirect("/console/draft", "section-added");
        }, draftPage::withSectionForm);
    }

    @GET
    @Path("{key}")
    public Response sectionPage(@PathParam("key") String key) {
        SectionView section = sectionOf(key);
        return console.page(ConsolePages.section(console.frame(null), section, Form.of(SectionForm.of(section).values())));
    }

    /** The form shown again keeps the revision the section had when this request began. */
    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("key") String key, @BeanParam SectionForm form) {
        SectionView section = sectionOf(key);
        return console.submit(form, changes -> {
            draft.updateSection(key, changes, Forms.sectionRevision(form.revision()), console.user());
            return console.redirect("/console/draft", "section-saved");
        }, (status, shown) -> console.page(status, ConsolePages.section(console.frame(null),
                shown.refused() ? sectionOf(key) : section, shown.with("revision", Long.toString(section.revision())))));
    }

    /** Asks before deleting a section. */
    @GET
    @Path("{key}/delete")
    public Response confirmRemoval(@PathParam("key") String key) {
        SectionView section = sectionOf(key);
        return console.page(ConsolePages.removeSection(console.frame(null), section));
    }

    @POST
    @Path("{key}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("key") String key, @BeanParam RevisionForm form) {
        SectionView section = sectionOf(key);
        return console.submit(form, revision -> {
            draft.removeSection(key, Forms.sectionRevision(revision), console.user());
            return console.redirect("/console/draft", "section-removed");
        }, (status, shown) -> console.page(status, ConsolePages.section(console.frame(null), section,
                shown.withValues(SectionForm.of(section).values()))));
    }

    private SectionView sectionOf(String key) {
        return draft.section(key).orElseThrow(() -> new ResourceNotFoundException("no such section in the draft"));
    }
}
