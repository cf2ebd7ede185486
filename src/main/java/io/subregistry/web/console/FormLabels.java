package io.subregistry.web.console;

import io.quarkus.qute.TemplateExtension;

/** {@code {forms:label('legalAddress')}} in a template: a field's label, for the summary of a form's problems. */
@TemplateExtension(namespace = "forms")
public final class FormLabels {

    private FormLabels() {
    }

    public static String label(String field) {
        return Forms.label(field);
    }
}
