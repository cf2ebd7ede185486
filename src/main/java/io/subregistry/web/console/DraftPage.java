package io.subregistry.web.console;

import io.subregistry.registry.draft.DraftService;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

/** The draft page, which holds three forms (a new entry, a new section, an import): any of them may come back with errors. */
@RequestScoped
public class DraftPage {

    private final DraftService draft;
    private final Console console;

    public DraftPage(DraftService draft, Console console) {
        this.draft = draft;
        this.console = console;
    }

    Response show(Frame frame) {
        return show(200, frame, Form.empty(), Form.empty(), Form.empty());
    }

    Response withEntryForm(int status, Form form) {
        return show(status, console.frame(null), form, Form.empty(), Form.empty());
    }

    Response withSectionForm(int status, Form form) {
        return show(status, console.frame(null), Form.empty(), form, Form.empty());
    }

    Response withImportForm(int status, Form form) {
        return show(status, console.frame(null), Form.empty(), Form.empty(), form);
    }

    private Response show(int status, Frame frame, Form entryForm, Form sectionForm, Form importForm) {
        return console.page(status, ConsolePages.draft(frame, draft.view(), entryForm, sectionForm, importForm));
    }
}
