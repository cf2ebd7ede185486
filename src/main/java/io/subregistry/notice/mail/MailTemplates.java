package io.subregistry.notice.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.subregistry.notice.mail.MailViews.ConfirmationMail;
import io.subregistry.notice.mail.MailViews.NoticeMail;

/** Type-checked mail templates, each with an HTML (escaped) and a plain-text variant. */
@CheckedTemplate(basePath = "mail")
public final class MailTemplates {

    private MailTemplates() {
    }

    public static native TemplateInstance notice(NoticeMail mail);

    public static native TemplateInstance confirmation(ConfirmationMail mail);

    public static native TemplateInstance welcome(MailViews.WelcomeMail mail);

    public static native TemplateInstance objection(MailViews.ObjectionMail mail);

    public static native TemplateInstance invite(MailViews.InviteMail mail);
    public static native TemplateInstance contactRegistered(MailViews.ContactMail mail);
}
