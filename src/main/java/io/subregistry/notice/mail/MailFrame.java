package io.subregistry.notice.mail;

/**
 * What every subscriber mail shows around its own text: the company's header block (name, logo,
 * accent colour), the binding-language statement when the mail is a translation, and the footer
 * (privacy contact, links, footer line). One per language and brand; plain data, escaped by the
 * HTML templates.
 *
 * @param lang             the mail's language tag, for {@code <html lang>}
 * @param accentColor      #rrggbb, checked for contrast when it was saved
 * @param logoUrl          the uploaded logo's absolute URL on the public base URL, or null
 * @param homeUrl          where the company's name links: its "Legal &amp; Policies" page, else the list
 * @param bindingStatement "The English version of this notice is legally binding…" in the mail's
 *                         language, or null when the mail is in the binding language (or not a legal mail)
 */
public record MailFrame(String lang, String companyName, String accentColor, String logoUrl, String homeUrl,
                        String privacyUrl, String dpaUrl, String legalPagesUrl, String contactEmail, String footer,
                        String bindingStatement) {

    /** The same frame for a mail that states no binding language (a confirmation, a welcome). */
    public MailFrame withoutBindingStatement() {
        return new MailFrame(lang, companyName, accentColor, logoUrl, homeUrl, privacyUrl, dpaUrl, legalPagesUrl,
                contactEmail, footer, null);
    }

    public boolean hasLinks() {
        return privacyUrl != null || dpaUrl != null || legalPagesUrl != null;
    }
}
