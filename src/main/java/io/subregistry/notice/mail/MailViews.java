package io.subregistry.notice.mail;

import io.subregistry.notice.NoticeKind;

import java.util.List;

/** What the mail templates show; plain data, every value escaped by the HTML template. */
public final class MailViews {

    private MailViews() {
    }

    /** An ANNOUNCEMENT, REMINDER or EFFECTIVE notice about one version. */
    public record NoticeMail(NoticeKind kind, String listName, int version, String summary, String effectiveDate,
                             String deadlineDate, String publishedDate, String emergencyReason, List<ChangeLine> changes,
                             int otherChanges, boolean objectable, String diffUrl, String objectionUrl,
                             String unsubscribeUrl, String manageUrl) {

        public boolean isAnnouncement() {
            return kind == NoticeKind.ANNOUNCEMENT;
        }

        public boolean isReminder() {
            return kind == NoticeKind.REMINDER;
        }

        public boolean isEffective() {
            return kind == NoticeKind.EFFECTIVE;
        }
    }

    /** One change: "Added", "Removed", "Modified", "Moved", or a section change, with its fields. */
    public record ChangeLine(String label, String name, String section, String fromSection, List<FieldLine> fields) {
    }

    /** A field with its value, or its value before and after for a modification. */
    public record FieldLine(String label, String before, String after) {

        public boolean isChange() {
            return before != null && after != null;
        }

        public String value() {
            return after != null ? after : before;
        }
    }

    /** The double opt-in mail. */
    public record ConfirmationMail(String listName, String confirmUrl, String expiresAt, List<String> sections) {
    }
}
