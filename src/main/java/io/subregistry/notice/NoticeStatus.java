package io.subregistry.notice;

/** Where a notice's delivery stands; SENT, FAILED and CANCELLED are final. */
public enum NoticeStatus {
    QUEUED,
    /** Claimed by one instance, under a lease. */
    SENDING,
    SENT,
    /** A temporary failure; tried again at next_attempt_at. */
    RETRYING,
    FAILED,
    /** Not sent: the subscriber left before it went out. */
    CANCELLED
}
