package io.subregistry.web;

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
}
