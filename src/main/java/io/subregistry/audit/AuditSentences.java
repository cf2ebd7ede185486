package io.subregistry.audit;

import io.subregistry.platform.ReadableDates;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An audit line as a sentence people read ("Added Postmark to Customer Support related
 * sub-processors."), not as {@code {name=Postmark, section=support}}: section keys become
 * titles, timestamps readable dates, and ids stay out of the sentence.
 */
public final class AuditSentences {

    private AuditSentences() {
    }

    /** What the line's action is, in words. */
    public static String action(String action) {
        String words = action.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The line as a sentence; {@code sectionTitles} maps section keys to titles (a key without one stays as it is). */
    public static String of(AuditLine line, Map<String, String> sectionTitles) {
        Map<String, Object> d = line.details() == null ? Map.of() : line.details();
        String name = text(d.get("name"));
        String section = title(text(d.get("section")), sectionTitles);
        String target = line.target() == null ? "" : line.target();
        AuditAction action;
        try {
            action = AuditAction.valueOf(line.action());
        } catch (IllegalArgumentException e) {
            return generic(d);
        }
        return switch (action) {
            case SUBPROCESSOR_CREATED -> "Added " + name + " to " + section + " in the draft.";
            case SUBPROCESSOR_UPDATED -> "Changed " + name + " in the draft" + changed(d.get("changes"))
                    + (d.containsKey("movedTo") ? ", moved from " + title(text(d.get("movedFrom")), sectionTitles) + " to "
                    + title(text(d.get("movedTo")), sectionTitles) : "") + ".";
            case SUBPROCESSOR_DELETED -> "Removed " + name + " (" + section + ") from the draft.";
            case SECTION_CREATED -> "Created the section “" + text(d.get("title")) + "”.";
            case SECTION_UPDATED -> "Changed the section “" + title(target, sectionTitles) + "”: "
                    + d.keySet().stream().sorted().collect(Collectors.joining(", ")) + ".";
            case SECTION_DELETED -> "Deleted the section “" + text(d.get("title")) + "”.";
            case DRAFT_IMPORTED -> "Imported a file into the draft" + (d.containsKey("mode") ? " (" + text(d.get("mode")).toLowerCase() + ")" : "") + ".";
            case VERSION_PUBLISHED -> "Published " + target + ", effective " + moment(d.get("effectiveAt"))
                    + (d.containsKey("changes") ? ", with " + text(d.get("changes")) + " change(s)" : "")
                    + (d.containsKey("emergencyReason") ? "; shorter notice because: " + text(d.get("emergencyReason")) : "") + ".";
            case ACCOUNT_CREATED -> "Created the account " + target + " (" + list(d.get("roles")) + ").";
            case ACCOUNT_INVITED -> "Invited " + target + " by e-mail to set a password (the link works until "
                    + moment(d.get("expires")) + ").";
            case ACCOUNT_INVITE_ACCEPTED -> target + " set a password from the invitation.";
            case ACCOUNT_DISABLED -> "Disabled the account " + target + ".";
            case ACCOUNT_ENABLED -> "Enabled the account " + target + ".";
            case ACCOUNT_PASSWORD_CHANGED -> "Set a new password for " + target + ".";
            case ACCOUNT_ROLES_CHANGED -> "Changed the roles of " + target + " from " + list(d.get("before")) + " to "
                    + list(d.get("after")) + ".";
            case ACCOUNT_LOCKED -> "Locked " + target + " after " + text(d.get("failedSignIns")) + " failed sign-ins, until "
                    + moment(d.get("until")) + ".";
            case SIGNED_IN -> "Signed in.";
            case SIGNED_OUT -> "Signed out.";
            case SAMPLE_DATA_LOADED -> "Loaded the sample list.";
            case SUBSCRIBER_CONFIRMED -> "A subscriber confirmed the subscription.";
            case SUBSCRIBER_UNSUBSCRIBED -> "A subscriber unsubscribed.";
            case SUBSCRIBER_LANGUAGE_CHANGED -> "A subscriber chose " + text(d.get("to")) + " for their mails (was "
                    + text(d.get("from")) + ").";
            case VERSION_WITHDRAWN -> "Withdrew " + target + " before it took effect (it would have on "
                    + moment(d.get("wouldHaveTakenEffect")) + "): " + text(d.get("reason")) + ".";
            case OBJECTION_RECEIVED -> "A subscriber objected to " + target + " (" + count(d.get("subprocessors"))
                    + " sub-processor(s)).";
            case OBJECTION_RESOLVED -> "Resolved an objection to version " + text(d.get("version")) + ": "
                    + text(d.get("outcome")).toLowerCase() + (d.containsKey("note") ? " — " + text(d.get("note")) : "") + ".";
            case SIGNING_KEY_ROTATED -> "Rotated the signing key.";
            case WEBHOOK_REGISTERED -> "Registered the webhook endpoint " + text(d.get("url")) + " for "
                    + list(d.get("events")) + ".";
            case WEBHOOK_DELETED -> "Deleted the webhook endpoint " + text(d.get("url")) + ".";
            case WEBHOOK_SECRET_ROTATED -> "Rotated a webhook endpoint's secret (the previous one signs too until "
                    + moment(d.get("previousSecretSignsUntil")) + ").";
            case WEBHOOK_DISABLED -> "Disabled a webhook endpoint after " + text(d.get("consecutiveFailures"))
                    + " failed attempts in a row (the last: " + text(d.get("lastError")) + ").";
            case BRAND_UPDATED -> "Changed the brand settings: " + generic(d) + ".";
            case BRAND_LOGO_CHANGED -> d.containsKey("removed") ? "Removed the logo." : "Uploaded a new logo ("
                    + text(d.get("type")) + ", " + text(d.get("bytes")) + " bytes).";
            case WEBHOOK_ENABLED -> "Enabled the webhook endpoint " + text(d.get("url")) + " again.";
            default -> generic(d);
        };
    }

    private static String changed(Object changes) {
        if (!(changes instanceof Collection<?> list) || list.isEmpty()) {
            return "";
        }
        String fields = list.stream().map(change -> change instanceof Map<?, ?> map ? text(map.get("field")) : text(change))
                .collect(Collectors.joining(", "));
        return " (" + fields + ")";
    }

    private static String generic(Map<String, Object> details) {
        return details.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue())).collect(Collectors.joining("; "));
    }

    private static String title(String key, Map<String, String> titles) {
        return titles.getOrDefault(key, key);
    }

    private static String list(Object value) {
        return value instanceof Collection<?> items ? items.stream().map(AuditSentences::text).collect(Collectors.joining(", "))
                : text(value);
    }

    private static String count(Object value) {
        return value instanceof Collection<?> items ? Integer.toString(items.size()) : "some";
    }

    private static String moment(Object value) {
        String text = text(value);
        try {
            return ReadableDates.readable(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof List<?> items ? list(items) : String.valueOf(value);
    }
}
