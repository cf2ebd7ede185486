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
    EFFECTIVE
}
