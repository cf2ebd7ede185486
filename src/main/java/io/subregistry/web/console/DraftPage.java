package io.subregistry.web.console;

import io.subregistry.diff.Change;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView;
import io.subregistry.registry.version.PublishService;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The draft page, which holds three forms (a new entry, a new section, an import): any of them
 * may come back with errors. Rows and sections that differ from the latest version are marked.
 */
@RequestScoped
public class DraftPage {

    private final DraftService draft;
    private final PublishService publisher;
    private final Console console;

    public DraftPage(DraftService draft, PublishService publisher, Console console) {
        this.draft = draft;
        this.publisher = publisher;
        this.console = console;
    }

    Response show(Frame frame) {
        return show(200, frame);
    }

    Response show(int status, Frame frame) {
        return show(status, frame, Form.empty(), Form.empty(), Form.empty(), null);
    }

    /** With an offer to undo the removal of {@code undo} (when it names an entry no longer in the draft). */
    Response show(Frame frame, String undo) {
        String removed = null;
        if (undo != null) {
            try {
                UUID id = UUID.fromString(undo);
                removed = draft.entry(id).isPresent() ? null : id.toString();
            } catch (IllegalArgumentException e) {
                removed = null;
            }
        }
        return show(200, frame, Form.empty(), Form.empty(), Form.empty(), removed);
    }

    Response withEntryForm(int status, Form form) {
        return show(status, console.frame(null), form, Form.empty(), Form.empty(), null);
    }

    Response withSectionForm(int status, Form form) {
        return show(status, console.frame(null), Form.empty(), form, Form.empty(), null);
    }

    Response withImportForm(int status, Form form) {
        return show(status, console.frame(null), Form.empty(), Form.empty(), form, null);
    }

    private Response show(int status, Frame frame, Form entryForm, Form sectionForm, Form importForm, String undo) {
        DraftView view = draft.view();
        return console.page(status, ConsolePages.draft(frame, view, entryForm, sectionForm, importForm, pending(), undo));
    }

    /** What is not published yet, by entry id and by section key: "new", "changed", "moved" or "new section". */
    private ConsolePages.Pending pending() {
        Map<String, String> entries = new HashMap<>();
        Map<String, String> sections = new HashMap<>();
        for (Change change : publisher.preview().diff().changes()) {
            Map<String, String> marks = change.subprocessorId() != null ? entries : sections;
            String key = change.subprocessorId() != null ? change.subprocessorId().toString() : change.section();
            String mark = switch (change.type()) {
                case ADDED -> "new";
                case MODIFIED -> "changed";
                case MOVED -> "moved";
                case SECTION_ADDED -> "new section";
                case SECTION_MODIFIED -> "changed";
                default -> null;
            };
            if (mark != null) {
                marks.merge(key, mark, (first, second) -> first.equals(second) ? first : first + ", " + second);
            }
        }
        return new ConsolePages.Pending(entries, sections);
    }
}
