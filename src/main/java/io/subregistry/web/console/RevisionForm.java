package io.subregistry.web.console;

import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** A form that only names the revision it was made from: removing an entry or a section. */
public record RevisionForm(@RestForm String revision) implements ConsoleForm<String> {

    @Override
    public String toInput() {
        return revision;
    }

    @Override
    public Map<String, String> values() {
        return Map.of();
    }
}
