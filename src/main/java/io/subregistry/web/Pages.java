package io.subregistry.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.subregistry.notice.SubscriptionView;
import io.subregistry.notice.objection.ObjectionForm;

import java.time.LocalDate;
import java.util.List;

/** The type-checked page templates (templates/web); Qute escapes every value they print. */
@CheckedTemplate(basePath = "web")
public final class Pages {

    private Pages() {
    }

    /** A one-message page: a confirmation, an outcome or an error. */
    public record Message(String title, String text, String tone, String linkUrl, String linkText) {
        public static Message ok(String title, String text) {
            return new Message(title, text, "ok", null, null);
        }

        public static Message bad(String title, String text) {
            return new Message(title, text, "bad", null, null);
        }

        public Message withLink(String url, String text) {
            return new Message(title, this.text, tone, url, text);
        }
    }

    /** A section as the manage page offers it. */
    public record SectionChoice(String key, String title, boolean followed) {
    }

    public static native TemplateInstance message(PageContext site, Message page);

    public static native TemplateInstance index(PageContext site, PageViews.ListPage page);

    public static native TemplateInstance api(PageContext site);

    public static native TemplateInstance history(PageContext site, List<PageViews.HistoryRow> rows);

    public static native TemplateInstance version(PageContext site, PageViews.VersionPage page);

    public static native TemplateInstance diff(PageContext site, PageViews.DiffPage page);

    public static native TemplateInstance feed(FeedResource.Feed feed);

    public static native TemplateInstance confirm(PageContext site, String token, String email);

    public static native TemplateInstance unsubscribe(PageContext site, String token, String email);

    public static native TemplateInstance manage(PageContext site, String token, SubscriptionView view, List<SectionChoice> sections,
                                                 io.subregistry.platform.i18n.Language mailLanguage, boolean saved);

    public static native TemplateInstance objection(PageContext site, String token, ObjectionForm form, LocalDate effective, boolean inEffect,
                                                    LocalDate deadline,
                                                    SubscriberPages.ObjectionEntry entry, String outcome, String closed);
}
