package io.subregistry.web;

import io.subregistry.platform.i18n.Language;

/** A service's refusal ("the link expired") as a sentence on a page ("The link expired."). */
final class HtmlText {

    private HtmlText() {
    }

    static String sentence(String detail) {
        if (detail == null || detail.isEmpty()) {
            return "Something went wrong.";
        }
        String capital = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }

    /**
     * A refusal in the reader's language. The services word their refusals in English, with
     * specifics (a date, a section key); a German or French reader gets the translated sentence
     * for the kind of refusal (its status) instead.
     */
    static String refusal(PageContext site, int status, String detail) {
        if (site.lang() == Language.EN) {
            return sentence(detail);
        }
        PageMessages msg = site.msg();
        return switch (status) {
            case 400 -> msg.refusedBadRequest();
            case 403 -> msg.refusedForbidden();
            case 404 -> msg.refusedNotFound();
            case 405, 406, 415 -> msg.refusedUnsupported();
            case 409, 412, 428 -> msg.refusedConflict();
            case 410 -> msg.refusedGone();
            case 422 -> msg.refusedUnprocessable();
            case 429 -> msg.refusedTooMany();
            default -> msg.refusedError();
        };
    }
}
