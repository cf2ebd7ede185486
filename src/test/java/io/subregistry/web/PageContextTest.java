package io.subregistry.web;

import io.subregistry.brand.Brand;
import io.subregistry.platform.i18n.Language;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's own links keep a chosen language; the language links stay on the site and keep the page's parameters. */
class PageContextTest {

    private static final Brand BRAND = new Brand("Acme Health", Brand.DEFAULT_ACCENT, null, null, null, null, null, "en", null, Set.of());

    @Test
    void aChosenLanguageIsAddedToTheSitesOwnLinksBeforeTheirFragment() {
        PageContext chosen = new PageContext(Language.DE, true, BRAND, "/");
        assertThat(chosen.link("/")).isEqualTo("/?lang=de");
        assertThat(chosen.link("/#subscribe")).isEqualTo("/?lang=de#subscribe");
        assertThat(chosen.link("/diff?from=1&to=2")).isEqualTo("/diff?from=1&to=2&lang=de");
        assertThat(chosen.query()).isEqualTo("?lang=de");
        assertThat(chosen.amp()).isEqualTo("&lang=de");

        PageContext fromBrowser = new PageContext(Language.DE, false, BRAND, "/");
        assertThat(fromBrowser.link("/#subscribe")).isEqualTo("/#subscribe");
        assertThat(fromBrowser.query()).isEmpty();
    }

    @Test
    void theLanguageLinksKeepThePageAndMarkTheCurrentLanguage() {
        PageContext page = new PageContext(Language.FR, true, BRAND, "/diff?from=1&to=2");
        assertThat(page.languages()).extracting(PageContext.LanguageLink::href)
                .containsExactly("/diff?from=1&to=2&lang=en", "/diff?from=1&to=2&lang=de", "/diff?from=1&to=2&lang=fr");
        assertThat(page.languages()).filteredOn(PageContext.LanguageLink::current).extracting(PageContext.LanguageLink::tag)
                .containsExactly("fr");
        assertThat(page.languages()).extracting(PageContext.LanguageLink::name).containsExactly("English", "Deutsch", "Français");
    }

    @Test
    void aPathThatWouldLeadOffTheSiteIsKeptOnIt() {
        assertThat(PageContexts.sitePath("//evil.example/x")).isEqualTo("/evil.example/x");
        assertThat(PageContexts.sitePath("/\\evil.example")).isEqualTo("/evil.example");
        assertThat(PageContexts.sitePath("/history")).isEqualTo("/history");
        assertThat(PageContexts.sitePath("")).isEqualTo("/");
    }
}
