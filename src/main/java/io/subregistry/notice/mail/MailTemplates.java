package io.subregistry.notice.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.subregistry.notice.mail.MailViews.ConfirmationMail;
import io.subregistry.notice.mail.MailViews.NoticeMail;

/**
 * Type-checked mail templates, each with an HTML (escaped) and a plain-text variant. Subscriber
 * mails take the {@link MailFrame} (brand, binding language) and are rendered with the mail's
 * locale set, which picks the {@link MailMessages} texts.
 */
@CheckedTemplate(basePath = "mail")
public final class MailTemplates {

    private MailTemplates() {
    }

    public static native TemplateInstance notice(NoticeMail mail, MailFrame frame);

    public static native TemplateInstance confirmation(ConfirmationMail mail, MailFrame frame);

    public static native TemplateInstance welcome(MailViews.WelcomeMail mail, MailFrame frame);

    public static native TemplateInstance objection(MailViews.ObjectionMail mail, MailFrame frame);

    /** A staff mail: English, no brand (the console is English). */
    public static native TemplateInstance invite(MailViews.InviteMail mail);

    public static native TemplateInstance contactRegistered(MailViews.ContactMail mail, MailFrame frame);
}
