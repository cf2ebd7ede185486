package io.subregistry.web.console;

import io.subregistry.importer.ImportFormat;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.registry.draft.ImportedDraft;
import io.subregistry.web.console.ConsolePages.Form;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The draft page's import form: a file, or its content pasted, in one of the import formats. */
public record ImportForm(@RestForm String format, @RestForm String mode, @RestForm String text, @RestForm FileUpload file,
                         @RestForm String revision)
        implements ConsoleForm<ImportForm.Upload> {

    /** Larger than any list we expect; the HTTP body limit and the limit of one form field are the same. */
    private static final long MAX_BYTES = 16 * 1024 * 1024;
    private static final int SHOWN_PROBLEMS = 20;

    /** A file to import, read. */
    public record Upload(String content, ImportFormat format, ImportedDraft.Mode mode) {
    }

    @Override
    public Upload toInput() {
        ImportFormat chosen = switch (Forms.shown(format)) {
            case "csv" -> ImportFormat.CSV;
            case "page" -> ImportFormat.PAGE;
            default -> ImportFormat.JSON;
        };
        return new Upload(content(), chosen, "merge".equals(mode) ? ImportedDraft.Mode.MERGE : ImportedDraft.Mode.REPLACE);
    }

    @Override
    public Map<String, String> values() {
        return Map.of("format", Forms.shown(format), "mode", Forms.shown(mode));
    }

    /** A refused file lists its first problems, line by line. */
    @Override
    public Form refusal(RegistryException refused) {
        List<String> lines = refused.violations().stream().limit(SHOWN_PROBLEMS)
                .map(violation -> (violation.line() != null ? "line " + violation.line() + ": " : "")
                        + (violation.field() != null ? violation.field() + ": " : "") + violation.message())
                .toList();
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            problems.put("problem " + (i + 1), lines.get(i));
        }
        return new Form(values(), problems, Forms.sentence(refused.detail()), true);
    }

    private String content() {
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_BYTES) {
                throw new InvalidInputException("the file is larger than 16 MB");
            }
            try {
                return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                throw new InvalidInputException("the file could not be read as UTF-8 text");
            }
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("choose a file or paste its content");
        }
        return text;
    }
}
