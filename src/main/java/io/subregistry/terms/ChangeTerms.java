package io.subregistry.terms;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import io.subregistry.diff.ChangeType;
import io.subregistry.registry.SectionField;
import io.subregistry.registry.SubprocessorField;

/**
 * The words for changes that pages, the embed, mails, the feed and customer evidence share
 * ({@code {terms:change(line.type)}} in templates), keyed by the domain's own identifiers rather
 * than by English text. A method taking an enum gets one message per constant (Qute generates the
 * {@code {#when}}): {@code change_$ADDED} and so on in messages/terms_en.properties, terms_de and
 * terms_fr; the build fails when a language lacks a constant.
 */
@MessageBundle(value = "terms", locale = "en")
public interface ChangeTerms {

    /** "Added", "Section removed"… */
    @Message
    String change(ChangeType type);

    /** A sub-processor's field: "Legal address"… */
    @Message
    String field(SubprocessorField field);

    /** A section's field: "Title", "Position"… */
    @Message
    String sectionField(SectionField field);

    /** What a field changed from or to when it was empty. */
    @Message("(none)")
    String none();

    @Message("moved from {from} to {to}")
    String movedFromTo(String from, String to);

    /** The label of a change's section where it stands on its own line (the feed's "Section: Hosting"). */
    @Message("Section")
    String section();

    /** Beside the section a sub-processor moved to, where it was: "Section: Hosting (moved from Support)". */
    @Message("moved from {from}")
    String movedFrom(String from);

    /** Said by screen readers between a field's old and new value (the page shows an arrow). */
    @Message("changed to")
    String changedTo();
}
