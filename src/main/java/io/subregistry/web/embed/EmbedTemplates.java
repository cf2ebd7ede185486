package io.subregistry.web.embed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The type-checked templates of the embeddable list (templates/web/embed*.html); Qute escapes every value they print. */
@CheckedTemplate(basePath = "web")
final class EmbedTemplates {

    private EmbedTemplates() {
    }

    /** The page for a frame: no site header or footer, the brand's style. */
    static native TemplateInstance embed(EmbedView page);

    /** The list as a plain fragment (no html, head, body, script or style) for other sites to include. */
    static native TemplateInstance embedFragment(HtmlListFragments.FragmentView fragment);
}
