package io.subregistry.web.console;

import io.subregistry.registry.draft.SectionInput;
import jakarta.validation.constraints.Pattern;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The draft page's form for a new section. */
public record NewSectionForm(@RestForm String key, @RestForm String title, @RestForm String description, @RestForm String note,
                             @RestForm @Pattern(regexp = Forms.POSITION, message = Forms.POSITION_RULE) String position)
        implements ConsoleForm<SectionInput> {

    @Override
    public SectionInput toInput() {
        return new SectionInput(key, title, description, note, Forms.position(position));
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", Forms.shown(key));
        values.put("title", Forms.shown(title));
        values.put("description", Forms.shown(description));
        values.put("note", Forms.shown(note));
        values.put("position", Forms.shown(position));
        return values;
    }
}
