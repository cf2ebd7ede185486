package io.subregistry.notice.mail;

import io.subregistry.diff.ChangeLines.ChangeLine;
import io.subregistry.diff.ChangeLines.FieldLine;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Changes as a mail in one language shows them: the labels ChangeLines gives in English
 * ("Added", "Legal address", "(none)") in the mail's words; names, sections and values as
 * legal staff entered them.
 */
final class MailChanges {

    private static final Map<String, Function<MailMessages, String>> LABELS = Map.ofEntries(
            Map.entry("Added", MailMessages::changeAdded), Map.entry("Removed", MailMessages::changeRemoved),
            Map.entry("Modified", MailMessages::changeModified), Map.entry("Moved", MailMessages::changeMoved),
            Map.entry("New section", MailMessages::changeSectionAdded),
            Map.entry("Section removed", MailMessages::changeSectionRemoved),
            Map.entry("Section changed", MailMessages::changeSectionModified),
            Map.entry("Name", MailMessages::fieldName), Map.entry("Legal address", MailMessages::fieldLegalAddress),
            Map.entry("Location", MailMessages::fieldLocation),
            Map.entry("Processing activity", MailMessages::fieldProcessingActivity),
            Map.entry("Website", MailMessages::fieldWebsite), Map.entry("Data categories", MailMessages::fieldDataCategories),
            Map.entry("Transfer mechanism", MailMessages::fieldTransferMechanism), Map.entry("DPA", MailMessages::fieldDpa),
            Map.entry("Title", MailMessages::fieldTitle), Map.entry("Description", MailMessages::fieldDescription),
            Map.entry("Note", MailMessages::fieldNote), Map.entry("Position", MailMessages::fieldPosition));
    private static final String NONE = "(none)";

    private MailChanges() {
    }

    static List<ChangeLine> in(MailMessages messages, List<ChangeLine> lines) {
        return lines.stream().map(line -> new ChangeLine(line.kind(), label(messages, line.label()), line.name(), line.section(),
                line.fromSection(), line.fields().stream().map(field -> new FieldLine(label(messages, field.label()),
                        none(messages, field.before()), none(messages, field.after()))).toList())).toList();
    }

    /** A label ChangeLines does not know yet stays English rather than disappearing. */
    private static String label(MailMessages messages, String english) {
        Function<MailMessages, String> translated = LABELS.get(english);
        return translated == null ? english : translated.apply(messages);
    }

    private static String none(MailMessages messages, String value) {
        return NONE.equals(value) ? messages.none() : value;
    }
}
