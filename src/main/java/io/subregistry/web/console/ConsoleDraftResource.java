package io.subregistry.web.console;

import io.subregistry.diff.ChangeLines;
import io.subregistry.importer.ImportFormat;
import io.subregistry.importer.ImportService;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.HttpStatuses;
import io.subregistry.platform.error.PreconditionRequiredException;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.platform.error.StaleRevisionException;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView;
import io.subregistry.registry.draft.ImportedDraft;
import io.subregistry.registry.draft.Revisions;
import io.subregistry.registry.draft.Revisions.Precondition;
import io.subregistry.registry.draft.SectionChanges;
import io.subregistry.registry.draft.SectionInput;
import io.subregistry.registry.draft.SubprocessorInput;
import io.subregistry.registry.version.DraftPreview;
import io.subregistry.registry.version.EffectiveAt;
import io.subregistry.registry.version.PublishCommand;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.Version;
import io.subregistry.security.Roles;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Legal staff's console: the draft, its sections, imports, the diff preview and publishing. */
@Path("/console")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.TEXT_HTML)
public class ConsoleDraftResource {

    private static final long MAX_IMPORT_BYTES = 16 * 1024 * 1024;

    private final DraftService draft;
    private final ImportService importer;
    private final PublishService publisher;
    private final Validator validator;
    private final Console console;
    private final RegistryConfig config;
    private final Clock clock;

    public ConsoleDraftResource(DraftService draft, ImportService importer, PublishService publisher,
                                Validator validator, Console console, RegistryConfig config, Clock clock) {
        this.draft = draft;
        this.importer = importer;
        this.publisher = publisher;
        this.validator = validator;
        this.console = console;
        this.config = config;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the draft

    @GET
    @Path("draft")
    public Response draftPage(@QueryParam("done") String done) {
        return draftPage(200, console.frame(done), Form.empty(), Form.empty(), Form.empty());
    }

    @POST
    @Path("draft/entries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("section") String section,
                        @FormParam("name") String name, @FormParam("legalAddress") String legalAddress,
                        @FormParam("location") String location, @FormParam("processingActivity") String activity,
                        @FormParam("website") String website, @FormParam("dataCategories") String categories,
                        @FormParam("transferMechanism") String transfer, @FormParam("dpaUrl") String dpaUrl) {
        SubprocessorInput input = new SubprocessorInput(section, name, legalAddress, location, activity, website,
                categories, transfer, dpaUrl);
        Map<String, String> errors = Forms.errors(validator.validate(input));
        if (errors.isEmpty()) {
            try {
                draft.add(input, console.user());
                return console.redirect("/console/draft", "added");
            } catch (RegistryException refused) {
                return draftPage(HttpStatuses.of(refused), console.frame(null), refusedForm(values(input), refused), Form.empty(),
                        Form.empty());
            }
        }
        return draftPage(422, console.frame(null), new Form(values(input), errors, "Please correct the marked fields."),
                Form.empty(), Form.empty());
    }

    @GET
    @Path("draft/entries/{id}")
    public Response entryPage(@PathParam("id") String id) {
        DraftView.EntryView entry = entryOf(id);
        return console.page(ConsolePages.entry(console.frame(null), entry, draft.view().sections(),
                new Form(values(entry), Map.of(), null)));
    }

    @POST
    @Path("draft/entries/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @FormParam("revision") String revision, @FormParam("section") String section,
                           @FormParam("name") String name, @FormParam("legalAddress") String legalAddress,
                           @FormParam("location") String location, @FormParam("processingActivity") String activity,
                           @FormParam("website") String website, @FormParam("dataCategories") String categories,
                           @FormParam("transferMechanism") String transfer, @FormParam("dpaUrl") String dpaUrl) {
        DraftView.EntryView entry = entryOf(id);
        SubprocessorInput input = new SubprocessorInput(section, name, legalAddress, location, activity, website,
                categories, transfer, dpaUrl);
        Map<String, String> values = values(input);
        values.put("revision", revision == null ? "" : revision);
        Map<String, String> errors = Forms.errors(validator.validate(input));
        if (!errors.isEmpty()) {
            return console.page(422, ConsolePages.entry(console.frame(null), entry, draft.view().sections(),
                    new Form(values, errors, "Please correct the marked fields.")));
        }
        try {
            draft.update(entry.id(), input, entryRevision(revision), console.user());
            return console.redirect("/console/draft", "saved");
        } catch (RegistryException refused) {
            DraftView.EntryView current = draft.entry(entry.id()).orElse(entry);
            values.put("revision", Long.toString(current.revision()));
            return console.page(HttpStatuses.of(refused), ConsolePages.entry(console.frame(null), current, draft.view().sections(),
                    refusedForm(values, refused)));
        }
    }

    @POST
    @Path("draft/entries/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") String id, @FormParam("revision") String revision) {
        DraftView.EntryView entry = entryOf(id);
        try {
            draft.remove(entry.id(), entryRevision(revision), console.user());
            return console.redirect("/console/draft", "removed");
        } catch (RegistryException refused) {
            return console.page(HttpStatuses.of(refused), ConsolePages.entry(console.frame(null), entry, draft.view().sections(),
                    refusedForm(values(entry), refused)));
        }
    }

    // ------------------------------------------------------------------ sections

    @POST
    @Path("draft/sections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSection(@FormParam("key") String key,
                               @FormParam("title") String title, @FormParam("description") String description,
                               @FormParam("note") String note, @FormParam("position") String position) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", blank(key));
        values.put("title", blank(title));
        values.put("description", blank(description));
        values.put("note", blank(note));
        values.put("position", blank(position));
        Integer place = parsePosition(position);
        SectionInput input = new SectionInput(key, title, description, note, place);
        Map<String, String> errors = Forms.errors(validator.validate(input));
        if (place == null && position != null && !position.isBlank()) {
            errors.put("position", "must be a number from 1");
        }
        if (!errors.isEmpty()) {
            return draftPage(422, console.frame(null), Form.empty(), new Form(values, errors, "Please correct the marked fields."),
                    Form.empty());
        }
        try {
            draft.addSection(input, console.user());
            return console.redirect("/console/draft", "section-added");
        } catch (RegistryException refused) {
            return draftPage(HttpStatuses.of(refused), console.frame(null), Form.empty(), refusedForm(values, refused), Form.empty());
        }
    }

    @GET
    @Path("draft/sections/{key}")
    public Response sectionPage(@PathParam("key") String key) {
        DraftView.SectionView section = sectionOf(key);
        return console.page(ConsolePages.section(console.frame(null), section, new Form(values(section), Map.of(), null)));
    }

    @POST
    @Path("draft/sections/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateSection(@PathParam("key") String key, @FormParam("revision") String revision, @FormParam("title") String title,
                                  @FormParam("description") String description, @FormParam("note") String note,
                                  @FormParam("position") String position) {
        DraftView.SectionView section = sectionOf(key);
        SectionChanges changes = new SectionChanges(title, description, note, parsePosition(position));
        Map<String, String> values = new LinkedHashMap<>(values(section));
        values.put("title", blank(title));
        values.put("description", blank(description));
        values.put("note", blank(note));
        values.put("position", blank(position));
        Map<String, String> errors = Forms.errors(validator.validate(changes));
        if (!errors.isEmpty()) {
            return console.page(422, ConsolePages.section(console.frame(null), section,
                    new Form(values, errors, "Please correct the marked fields.")));
        }
        try {
            draft.updateSection(key, changes, sectionRevision(revision), console.user());
            return console.redirect("/console/draft", "section-saved");
        } catch (RegistryException refused) {
            return console.page(HttpStatuses.of(refused), ConsolePages.section(console.frame(null), sectionOf(key),
                    refusedForm(values, refused)));
        }
    }

    @POST
    @Path("draft/sections/{key}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeSection(@PathParam("key") String key, @FormParam("revision") String revision) {
        DraftView.SectionView section = sectionOf(key);
        try {
            draft.removeSection(key, sectionRevision(revision), console.user());
            return console.redirect("/console/draft", "section-removed");
        } catch (RegistryException refused) {
            return console.page(HttpStatuses.of(refused), ConsolePages.section(console.frame(null), section,
                    refusedForm(values(section), refused)));
        }
    }

    // ------------------------------------------------------------------ import

    @POST
    @Path("draft/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("format") String format,
                               @RestForm("mode") String mode, @RestForm("text") String text,
                               @RestForm("file") FileUpload file) {
        Map<String, String> values = new HashMap<>();
        values.put("format", blank(format));
        values.put("mode", blank(mode));
        try {
            String content = contentOf(text, file);
            ImportFormat chosen = switch (blank(format)) {
                case "csv" -> ImportFormat.CSV;
                case "page" -> ImportFormat.PAGE;
                default -> ImportFormat.JSON;
            };
            importer.importFile(content, chosen, "merge".equals(mode) ? ImportedDraft.Mode.MERGE : ImportedDraft.Mode.REPLACE,
                    console.user());
            return console.redirect("/console/draft", "imported");
        } catch (RegistryException refused) {
            List<String> lines = refused.violations().stream().limit(20)
                    .map(violation -> (violation.line() != null ? "line " + violation.line() + ": " : "")
                            + (violation.field() != null ? violation.field() + ": " : "") + violation.message())
                    .toList();
            Map<String, String> errors = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                errors.put("problem " + (i + 1), lines.get(i));
            }
            return draftPage(HttpStatuses.of(refused), console.frame(null), Form.empty(), Form.empty(),
                    new Form(values, errors, Forms.sentence(refused.detail())));
        }
    }

    // ------------------------------------------------------------------ publish

    @GET
    @Path("publish")
    public Response publishPage() {
        return publishPage(200, Form.empty());
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@FormParam("revision") String revision,
                            @FormParam("effectiveAt") String effectiveAt, @FormParam("summary") String summary,
                            @FormParam("emergencyReason") String emergencyReason,
                            @FormParam("noticePeriodDays") String noticeDays) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("effectiveAt", blank(effectiveAt));
        values.put("summary", blank(summary));
        values.put("emergencyReason", blank(emergencyReason));
        values.put("noticePeriodDays", blank(noticeDays));
        Map<String, String> errors = new LinkedHashMap<>();
        if (summary == null || summary.isBlank()) {
            errors.put("summary", "say in a sentence what this version changes");
        } else if (summary.length() > 500) {
            errors.put("summary", "at most 500 characters");
        }
        Integer days = null;
        if (noticeDays != null && !noticeDays.isBlank()) {
            try {
                days = Integer.valueOf(noticeDays.strip());
            } catch (NumberFormatException e) {
                errors.put("noticePeriodDays", "must be a number of days");
            }
        }
        if (!errors.isEmpty()) {
            return publishPage(422, new Form(values, errors, "Please correct the marked fields."));
        }
        try {
            Version version = publisher.publish(new PublishCommand(EffectiveAt.parse(effectiveAt), summary.strip(),
                    emergencyReason, days, draftRevision(revision)), console.user());
            return console.redirect("/console/versions/" + version.number, "published");
        } catch (RegistryException refused) {
            return publishPage(HttpStatuses.of(refused), refusedForm(values, refused));
        }
    }

    // ------------------------------------------------------------------ helpers

    private Response draftPage(int status, Frame frame, Form entryForm, Form sectionForm, Form importForm) {
        return console.page(status, ConsolePages.draft(frame, draft.view(), entryForm, sectionForm, importForm));
    }

    /** The diff and the revision in the form come from one read: publishing the form publishes what the page shows. */
    private Response publishPage(int status, Form form) {
        DraftPreview preview = publisher.preview();
        Instant now = Instant.now(clock);
        String earliest = publisher.rules().earliestDate(now).toString();
        String minimum = java.time.LocalDate.ofInstant(now, config.zone()).toString();
        return console.page(status, ConsolePages.publish(console.frame(null),
                ChangeLines.of(preview.diff().changes(), preview.sectionTitles()), preview.draftRevision(), earliest, minimum,
                config.noticePeriodDays(), form));
    }

    private DraftView.EntryView entryOf(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return draft.entry(uuid).orElseThrow(() -> new ResourceNotFoundException("no such sub-processor in the draft"));
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("no such sub-processor in the draft");
        }
    }

    private DraftView.SectionView sectionOf(String key) {
        return draft.section(key).orElseThrow(() -> new ResourceNotFoundException("no such section in the draft"));
    }

    private static Form refusedForm(Map<String, String> values, RegistryException refused) {
        return new Form(values, Forms.errors(refused), Forms.sentence(refused.detail()));
    }

    private static Precondition entryRevision(String revision) {
        return Precondition.of(Revisions.ofEntry(revisionOf(revision)));
    }

    private static Precondition sectionRevision(String revision) {
        return Precondition.of(Revisions.ofSection(revisionOf(revision)));
    }

    private static Precondition draftRevision(String revision) {
        return Precondition.of(Revisions.ofDraft(revisionOf(revision)));
    }

    /**
     * The revision a form was rendered with. A form without one, or with one that is not a
     * number, is refused: it never turns the check off.
     */
    private static long revisionOf(String revision) {
        if (revision == null || revision.isBlank()) {
            throw new PreconditionRequiredException("This form does not say which revision it was made from."
                    + " Reload the page and make your change again.");
        }
        if (!revision.strip().matches("\\d{1,18}")) {
            throw new StaleRevisionException("This form's revision is not valid."
                    + " Reload the page and make your change again.");
        }
        return Long.parseLong(revision.strip());
    }

    private static Integer parsePosition(String position) {
        if (position == null || position.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(position.strip());
            return value >= 1 && value <= 1000 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String contentOf(String text, FileUpload file) {
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_IMPORT_BYTES) {
                throw new io.subregistry.platform.error.InvalidInputException("the file is larger than 16 MB");
            }
            try {
                return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new io.subregistry.platform.error.InvalidInputException("the file could not be read as UTF-8 text");
            }
        }
        if (text == null || text.isBlank()) {
            throw new io.subregistry.platform.error.InvalidInputException("choose a file or paste its content");
        }
        return text;
    }

    private static Map<String, String> values(SubprocessorInput input) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("section", blank(input.section()));
        values.put("name", blank(input.name()));
        values.put("legalAddress", blank(input.legalAddress()));
        values.put("location", blank(input.location()));
        values.put("processingActivity", blank(input.processingActivity()));
        values.put("website", blank(input.website()));
        values.put("dataCategories", blank(input.dataCategories()));
        values.put("transferMechanism", blank(input.transferMechanism()));
        values.put("dpaUrl", blank(input.dpaUrl()));
        return values;
    }

    private static Map<String, String> values(DraftView.EntryView entry) {
        Map<String, String> values = values(new SubprocessorInput(entry.section(), entry.name(), entry.legalAddress(),
                entry.location(), entry.processingActivity(), entry.website(), entry.dataCategories(),
                entry.transferMechanism(), entry.dpaUrl()));
        values.put("revision", Long.toString(entry.revision()));
        return values;
    }

    private static Map<String, String> values(DraftView.SectionView section) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", section.key());
        values.put("title", blank(section.title()));
        values.put("description", blank(section.description()));
        values.put("note", blank(section.note()));
        values.put("position", Integer.toString(section.position()));
        values.put("revision", Long.toString(section.revision()));
        return values;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
