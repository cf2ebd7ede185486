package io.subregistry.web;

import io.subregistry.platform.i18n.Language;

import java.util.List;
import java.util.Map;

/**
 * The public page's subscribe form as it was typed, with what was wrong with each field and a
 * message for the top of the page (a refusal, or the thank-you after the redirect).
 *
 * @param language the language chosen for the mails, as typed; null before anything was typed
 */
public record SubscribeForm(String email, String organisation, List<String> sections, String language,
                            Map<String, String> errors, String notice, String noticeTone) {

    static final SubscribeForm EMPTY = new SubscribeForm("", "", List.of(), null, Map.of(), null, null);

    static SubscribeForm thanked(PageMessages msg) {
        return new SubscribeForm("", "", List.of(), null, Map.of(), msg.subscribeThanks(), "ok");
    }

    /** The sentence shown for a field that is not right; the fields are the form's, so people read their labels. */
    static String problem(String field, PageMessages msg) {
        return switch (field) {
            case "email" -> msg.problemEmail();
            case "organisation" -> msg.problemOrganisation();
            case "sections" -> msg.problemSections();
            case "language" -> msg.problemLanguage();
            default -> msg.problemField();
        };
    }

    SubscribeForm refused(String why) {
        return new SubscribeForm(email, organisation, sections, language, errors, why, "bad");
    }

    /** The language the form offers as chosen: what was typed, else the page's. */
    public String languageOr(Language page) {
        return Language.ofTag(language).orElse(page).tag();
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
