package io.subregistry.web.embed;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.qute.TemplateInstance;
import io.subregistry.platform.CachedValues;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.ListFragments;
import io.subregistry.registry.version.PublishedList;
import io.subregistry.registry.version.PublishedListService;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/**
 * Writes the list's HTML fragment once per version and language (kept in the {@value #CACHE}
 * cache, like the JSON bytes): a version never changes and the fragment shows nothing else, so a
 * CMS polling it costs a cache lookup.
 */
@ApplicationScoped
public class HtmlListFragments implements ListFragments {

    public static final String CACHE = "list-fragments";

    private final Cache fragments;

    public HtmlListFragments(@CacheName(CACHE) Cache fragments) {
        this.fragments = fragments;
    }

    /** What the fragment template prints: a list (null when nothing is published) in a language. */
    public record FragmentView(Language lang, PublishedList list) {
    }

    @Override
    public Fragment of(PublishedListService.Rendered list, Language language) {
        // The list's ETag names its version and hash: a key that cannot outlive what it shows.
        String json = list.jsonEtag();
        String etag = json.substring(0, json.length() - 1) + "-html-" + language.tag() + "\"";
        return CachedValues.get(fragments, etag, key -> render(list, language, key));
    }

    private static Fragment render(PublishedListService.Rendered list, Language language, String etag) {
        TemplateInstance fragment = EmbedTemplates.embedFragment(new FragmentView(language, list.list()));
        fragment.setLocale(language.locale());
        return new Fragment(fragment.render().getBytes(StandardCharsets.UTF_8), etag,
                list.list() == null ? null : list.list().effectiveAt());
    }
}
