package io.subregistry.web.console;

import io.subregistry.registry.draft.DraftView.SectionView;
import io.subregistry.registry.draft.SectionChanges;
import jakarta.validation.constraints.Pattern;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** A section's page: its title, description, note and position, and the revision they were read at. */
public record SectionForm(@RestForm String revision, @RestForm String title, @RestForm String description,
                          @RestForm String note,
                          @RestForm @Pattern(regexp = Forms.POSITION, message = Forms.POSITION_RULE) String position)
        implements ConsoleForm<SectionChanges> {

    /** The form filled with a section as it is now. */
    static SectionForm of(SectionView section) {
        return new SectionForm(Long.toString(section.revision()), section.title(), section.description(), section.note(),
                Integer.toString(section.position()));
    }

    @Override
    public SectionChanges toInput() {
        return new SectionChanges(title, description, note, Forms.position(position));
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", Forms.shown(title));
        values.put("description", Forms.shown(description));
        values.put("note", Forms.shown(note));
        values.put("position", Forms.shown(position));
        values.put("revision", Forms.shown(revision));
        return values;
    }
}
