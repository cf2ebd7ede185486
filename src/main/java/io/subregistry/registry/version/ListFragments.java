package io.subregistry.registry.version;

import io.subregistry.platform.i18n.Language;

import java.time.Instant;

/**
 * The public list as a plain HTML fragment that a CMS or a static-site build includes in its own
 * page ({@code GET /api/v1/subprocessors?format=html}). The web layer writes it, with its
 * templates and translated column headings; this package only serves it.
 */
public interface ListFragments {

    /**
     * The fragment of a list in a language: the same bytes for the same version and language, so
     * they may be prepared once.
     */
    Fragment of(PublishedListService.Rendered list, Language language);

    /**
     * @param etag         quoted, different for every version and language
     * @param lastModified when the list took effect; null when nothing is published
     */
    record Fragment(byte[] html, String etag, Instant lastModified) {
    }
}
