package io.subregistry.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.subregistry.brand.Brand;
import io.subregistry.platform.i18n.Language;

import java.util.List;

/**
 * Who a public or subscriber page is rendered for: the reader's language (and whether they chose
 * it with {@code ?lang=} rather than their browser saying so), the brand in force and the
 * address of the page without {@code lang}, for the language links. Once a reader chose, the
 * site's own links carry {@code ?lang=} so the choice sticks without a cookie.
 *
 * @param here the page's path and query without {@code lang} ("/diff?from=1&to=2")
 */
public record PageContext(Language lang, boolean chosen, Brand brand, String here) {

    /** A language link of the switcher. */
    public record LanguageLink(String tag, String name, String href, boolean current) {
    }

    /** The page's messages in its language (for text composed in Java: error pages, outcomes). */
    public PageMessages msg() {
        return MessageBundles.get(PageMessages.class, Localized.Literal.of(lang.tag()));
    }

    /** "?lang=de" after the reader chose a language, else nothing: appended to the site's own links. */
    public String query() {
        return chosen ? "?lang=" + lang.tag() : "";
    }

    /** "&lang=de" for links that have a query already. */
    public String amp() {
        return chosen ? "&lang=" + lang.tag() : "";
    }

    /** One of the site's own addresses, with {@code lang} once the reader chose ("/#subscribe" → "/?lang=de#subscribe"). */
    public String link(String url) {
        if (!chosen) {
            return url;
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang.tag() + fragment;
    }

    /** "Acme Health — Sub-processors" in the page's language. */
    public String title() {
        return brand.title(msg().subprocessors());
    }

    /** "Acme Health — Sub-processor changes": the feed as the page's link names it. */
    public String feedTitle() {
        return brand.title(msg().feedTitle());
    }

    /** The language links: this page in each offered language. */
    public List<LanguageLink> languages() {
        String separator = here.contains("?") ? "&" : "?";
        return Language.offered().stream()
                .map(each -> new LanguageLink(each.tag(), each.nativeName(), here + separator + "lang=" + each.tag(), each == lang))
                .toList();
    }

    /** The same reader on another page (a form posted to /subscribe shows the list at "/"). */
    public PageContext at(String path) {
        return new PageContext(lang, chosen, brand, path);
    }

    /** The context as a page's template needs it: the locale its {@code msg:} messages use. */
    TemplateInstance apply(TemplateInstance page) {
        return page.setLocale(lang.locale());
    }
}
