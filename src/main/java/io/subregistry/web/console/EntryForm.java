package io.subregistry.web.console;

import io.subregistry.registry.draft.DraftView.EntryView;
import io.subregistry.registry.draft.SubprocessorInput;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sub-processor form of the draft page (a new entry) and of an entry's page (with its revision). */
public record EntryForm(@RestForm String revision, @RestForm String section, @RestForm String name,
                        @RestForm String legalAddress, @RestForm String location, @RestForm String processingActivity,
                        @RestForm String website, @RestForm String dataCategories, @RestForm String transferMechanism,
                        @RestForm String dpaUrl) implements ConsoleForm<SubprocessorInput> {

    /** The form filled with an entry as it is now. */
    static EntryForm of(EntryView entry) {
        return new EntryForm(Long.toString(entry.revision()), entry.section(), entry.name(), entry.legalAddress(),
                entry.location(), entry.processingActivity(), entry.website(), entry.dataCategories(),
                entry.transferMechanism(), entry.dpaUrl());
    }

    @Override
    public SubprocessorInput toInput() {
        return new SubprocessorInput(section, name, legalAddress, location, processingActivity, website, dataCategories,
                transferMechanism, dpaUrl);
    }

    @Override
    public Map<String, String> values() {
        SubprocessorInput input = toInput();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("section", Forms.shown(input.section()));
        values.put("name", Forms.shown(input.name()));
        values.put("legalAddress", Forms.shown(input.legalAddress()));
        values.put("location", Forms.shown(input.location()));
        values.put("processingActivity", Forms.shown(input.processingActivity()));
        values.put("website", Forms.shown(input.website()));
        values.put("dataCategories", Forms.shown(input.dataCategories()));
        values.put("transferMechanism", Forms.shown(input.transferMechanism()));
        values.put("dpaUrl", Forms.shown(input.dpaUrl()));
        if (revision != null) {
            values.put("revision", revision);
        }
        return values;
    }
}
