package io.subregistry.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.importer.CsvImportParser.CsvEntry;
import io.subregistry.importer.ParsedPage.PageEntry;
import io.subregistry.importer.ParsedPage.PageSection;
import io.subregistry.platform.JsonErrors;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.registry.draft.DraftImporter;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView;
import io.subregistry.registry.draft.ImportPreview;
import io.subregistry.registry.draft.ImportedDraft;
import io.subregistry.registry.draft.ImportedDraft.ImportedEntry;
import io.subregistry.registry.draft.ImportedDraft.ImportedSection;
import io.subregistry.registry.draft.SectionInput;
import io.subregistry.registry.draft.SubprocessorInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a file into the draft: parse, validate every value with the same limits as the API,
 * and only when nothing is wrong apply it in one transaction.
 */
@ApplicationScoped
public class ImportService {

    public static final int MAX_ENTRIES = 100_000;

    private final DraftService draft;
    private final DraftImporter importer;
    private final Validator validator;
    private final ObjectMapper json;

    public ImportService(DraftService draft, DraftImporter importer, Validator validator, ObjectMapper json) {
        this.draft = draft;
        this.importer = importer;
        this.validator = validator;
        this.json = json;
    }

    public ImportedDraft.Result importFile(String content, ImportFormat format, ImportedDraft.Mode mode, String actor) {
        return importer.importDraft(parse(content, format), mode, actor);
    }

    /** Applies a file if the draft is still at the revision its preview was made from (412 otherwise). */
    public ImportedDraft.Result importFile(String content, ImportFormat format, ImportedDraft.Mode mode, String actor,
                                           Precondition previewed) {
        return importer.importDraft(parse(content, format), mode, actor, previewed);
    }

    /** What importing the file would do to the draft, without doing it. */
    public ImportPreview preview(String content, ImportFormat format, ImportedDraft.Mode mode, String actor) {
        return importer.preview(parse(content, format), mode, actor);
    }

    /** Parses and validates a file without touching the draft. */
    public ImportedDraft parse(String content, ImportFormat format) {
        ImportProblems problems = new ImportProblems();
        ImportedDraft file = switch (format) {
            case JSON -> fromJson(content, problems);
            case CSV -> fromCsv(content, problems);
            case PAGE -> fromPage(parsePage(content), problems);
        };
        problems.throwIfAny(format.name());
        if (file.entries().size() > MAX_ENTRIES) {
            throw new InvalidInputException("the file lists " + file.entries().size() + " sub-processors; at most "
                    + MAX_ENTRIES + " can be imported at once");
        }
        return file;
    }

    /** Reads a page's text; throws when it cannot be read whole. */
    public ParsedPage parsePage(String text) {
        ImportProblems problems = new ImportProblems();
        ParsedPage page = PageTextParser.parse(text, problems);
        problems.throwIfAny("page");
        return page;
    }

    /** Page sections get the key of the draft section with the same title, or one made from the title. */
    ImportedDraft fromPage(ParsedPage page, ImportProblems problems) {
        Map<String, String> keysByTitle = new HashMap<>();
        draft.view().sections().forEach(s -> keysByTitle.put(s.title().toLowerCase(Locale.ROOT), s.key()));
        List<ImportedSection> sections = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (PageSection section : page.sections()) {
            String key = keysByTitle.getOrDefault(section.title().toLowerCase(Locale.ROOT), SectionKeys.fromTitle(section.title()));
            while (keys.contains(key)) {
                key = SectionKeys.next(key);
            }
            keys.add(key);
            SectionInput input = new SectionInput(key, section.title(), section.description(), section.note(), null);
            validate(input, section.line(), problems);
            sections.add(new ImportedSection(section.line(), input));
        }
        List<ImportedEntry> entries = new ArrayList<>();
        for (PageEntry entry : page.entries()) {
            SubprocessorInput input = new SubprocessorInput(keys.get(entry.section()), entry.name(), entry.legalAddress(),
                    entry.location(), entry.processingActivity(), null, null, null, null);
            validate(input, entry.line(), problems);
            entries.add(new ImportedEntry(entry.line(), null, input));
        }
        return new ImportedDraft(sections, true, entries);
    }

    public ImportedDraft fromPage(ParsedPage page) {
        ImportProblems problems = new ImportProblems();
        ImportedDraft file = fromPage(page, problems);
        problems.throwIfAny("page");
        return file;
    }

    private ImportedDraft fromCsv(String content, ImportProblems problems) {
        List<CsvEntry> rows = CsvImportParser.parse(content, problems);
        Set<String> existing = Set.copyOf(draft.view().sections().stream().map(DraftView.SectionView::key).toList());
        Map<String, ImportedSection> newSections = new LinkedHashMap<>();
        List<ImportedEntry> entries = new ArrayList<>();
        for (CsvEntry row : rows) {
            SubprocessorInput input = new SubprocessorInput(row.get("section"), row.get("name"), row.get("legalAddress"),
                    row.get("location"), row.get("processingActivity"), row.get("website"), row.get("dataCategories"),
                    row.get("transferMechanism"), row.get("dpaUrl"));
            validate(input, row.line(), problems);
            String title = row.get("sectionTitle");
            if (input.section() != null && !existing.contains(input.section()) && title != null && !title.isBlank()
                    && !newSections.containsKey(input.section())) {
                SectionInput section = new SectionInput(input.section(), title, null, null, null);
                validate(section, row.line(), problems);
                newSections.put(input.section(), new ImportedSection(row.line(), section));
            }
            entries.add(new ImportedEntry(row.line(), row.id(), input));
        }
        return new ImportedDraft(List.copyOf(newSections.values()), false, entries);
    }

    private static final Set<String> ENTRY_FIELDS = Set.of("id", "name", "legalAddress", "location",
            "processingActivity", "website", "dataCategories", "transferMechanism", "dpaUrl",
            // present in our own outputs, so those can be loaded back unchanged
            "section", "new", "revision");
    private static final Set<String> SECTION_FIELDS = Set.of("key", "title", "description", "note", "subprocessors",
            "position", "revision");

    private ImportedDraft fromJson(String content, ImportProblems problems) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JsonProcessingException e) {
            problems.atLine(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), null, "malformed JSON: "
                    + JsonErrors.reason(e));
            return new ImportedDraft(List.of(), true, List.of());
        }
        JsonNode sectionsNode = root == null ? null : root.has("snapshot") ? root.path("snapshot").get("sections") : root.get("sections");
        if (sectionsNode == null || !sectionsNode.isArray()) {
            problems.atField("sections", "expected {\"sections\": [{\"key\", \"title\", \"subprocessors\": [...]}]}");
            return new ImportedDraft(List.of(), true, List.of());
        }
        List<ImportedSection> sections = new ArrayList<>();
        List<ImportedEntry> entries = new ArrayList<>();
        for (int s = 0; s < sectionsNode.size(); s++) {
            JsonNode node = sectionsNode.get(s);
            String path = "sections[" + s + "]";
            if (!node.isObject()) {
                problems.atField(path, "expected an object");
                continue;
            }
            unknownFields(node, SECTION_FIELDS, path, problems);
            SectionInput section = new SectionInput(text(node, "key", path, problems), text(node, "title", path, problems),
                    text(node, "description", path, problems), text(node, "note", path, problems), null);
            validate(section, path, problems);
            sections.add(new ImportedSection(0, section));
            JsonNode listed = node.path("subprocessors");
            if (!listed.isMissingNode() && !listed.isArray()) {
                problems.atField(path + ".subprocessors", "expected an array");
                continue;
            }
            for (int e = 0; e < listed.size(); e++) {
                String entryPath = path + ".subprocessors[" + e + "]";
                JsonNode entry = listed.get(e);
                if (!entry.isObject()) {
                    problems.atField(entryPath, "expected an object");
                    continue;
                }
                unknownFields(entry, ENTRY_FIELDS, entryPath, problems);
                SubprocessorInput input = new SubprocessorInput(section.key(), text(entry, "name", entryPath, problems),
                        text(entry, "legalAddress", entryPath, problems), text(entry, "location", entryPath, problems),
                        text(entry, "processingActivity", entryPath, problems), text(entry, "website", entryPath, problems),
                        text(entry, "dataCategories", entryPath, problems),
                        text(entry, "transferMechanism", entryPath, problems), text(entry, "dpaUrl", entryPath, problems));
                validate(input, entryPath, problems);
                entries.add(new ImportedEntry(0, uuid(entry, entryPath, problems), input));
            }
        }
        return new ImportedDraft(sections, true, entries);
    }

    private static void unknownFields(JsonNode node, Set<String> known, String path, ImportProblems problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.atField(path + "." + name, "unknown field");
            }
        });
    }

    private static String text(JsonNode node, String field, String path, ImportProblems problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.atField(path + "." + field, "expected a string");
            return null;
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode node, String path, ImportProblems problems) {
        String id = text(node, "id", path, problems);
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            problems.atField(path + ".id", "'" + id + "' is not a UUID");
            return null;
        }
    }

    private <T> void validate(T value, int line, ImportProblems problems) {
        for (ConstraintViolation<T> violation : sorted(validator.validate(value))) {
            problems.atLine(line, violation.getPropertyPath().toString(), violation.getMessage());
        }
    }

    private <T> void validate(T value, String path, ImportProblems problems) {
        for (ConstraintViolation<T> violation : sorted(validator.validate(value))) {
            problems.atField(path + "." + violation.getPropertyPath(), violation.getMessage());
        }
    }

    private static <T> List<ConstraintViolation<T>> sorted(Set<ConstraintViolation<T>> violations) {
        return violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
    }
}
