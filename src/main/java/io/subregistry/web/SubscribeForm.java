package io.subregistry.web;

import java.util.List;
import java.util.Map;

/**
 * The public page's subscribe form as it was typed, with what was wrong with each field and a
 * message for the top of the page (a refusal, or the thank-you after the redirect).
 */
public record SubscribeForm(String email, String organisation, List<String> sections, Map<String, String> errors,
                            String notice, String noticeTone) {

    static final SubscribeForm EMPTY = new SubscribeForm("", "", List.of(), Map.of(), null, null);

    static SubscribeForm thanked() {
        return new SubscribeForm("", "", List.of(), Map.of(), "Thank you. If this address can receive mail, a confirmation"
                + " link is on its way. Nothing else is sent until you confirm.", "ok");
    }

    /** The sentence shown for a field that is not right; the fields are the form's, so people read their labels. */
    static String problem(String field) {
        return switch (field) {
            case "email" -> "Enter your e-mail address, like name@example.com.";
            case "organisation" -> "Write the organisation on one line, in at most 200 characters.";
            case "sections" -> "Choose sections from the list, or none to follow every section.";
            default -> "Check this field.";
        };
    }

    SubscribeForm refused(String why) {
        return new SubscribeForm(email, organisation, sections, errors, why, "bad");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String errorOf(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
