package io.subregistry.notice;

/** The mails the registry sends. */
public enum NoticeKind {
    /** The double opt-in mail: the only one an unconfirmed address ever gets. */
    CONFIRMATION,
    /** At publish: what will change, from when, and how to object. */
    ANNOUNCEMENT,
    /** Some days before the objection deadline, to those who have not objected. */
    REMINDER,
    /** On the day the version takes effect (optional). */
    EFFECTIVE,
    /** Right after confirming: what to expect, and the link to manage the subscription. */
    WELCOME,
    /** The receipt of an objection: what was objected to, and the link to see its status. */
    OBJECTION_RECEIVED,
    /** Legal staff resolved an objection: the outcome and their note. */
    OBJECTION_RESOLVED,
    /** A staff account's invitation to set its password (no subscriber). */
    INVITE,
    /** To a customer's contact whom staff added: "you are the notice contact of …" (no double opt-in). */
    CONTACT_REGISTERED,
    /** Once, to a customer's contacts when nobody acknowledged an announcement in time. */
    ACK_REMINDER,
    /** The announced version was withdrawn before it took effect: to those who were told of it. */
    WITHDRAWAL;

    /** Whether the mail is about one version (and carries its objection link). */
    public boolean aboutVersion() {
        return this != CONFIRMATION && this != WELCOME && this != INVITE && this != CONTACT_REGISTERED;
    }

    /**
     * Whether the mail carries the link to object (announcements, reminders, effective notices) and,
     * to a customer's contact, to acknowledge receipt (with the same token).
     */
    public boolean carriesObjectionLink() {
        return this == ANNOUNCEMENT || this == REMINDER || this == EFFECTIVE || this == ACK_REMINDER;
    }
}
