package io.subregistry.notice.mail;

import io.subregistry.diff.ChangeLines;
import io.subregistry.notice.NoticeKind;

import java.util.List;

/**
 * What the mail templates show; plain data, every value escaped by the HTML template. Dates are
 * already written in the mail's language; {@code scope} is "(all sections)" or "(sections: …)" in it.
 */
public final class MailViews {

    private MailViews() {
    }

    /** An ANNOUNCEMENT, REMINDER, EFFECTIVE or WITHDRAWAL notice about one version. */
    public record NoticeMail(NoticeKind kind, int version, String hash, String signatureKeyId,
                             String summary, String effectiveDate,
                             String deadlineDate, String publishedDate, String emergencyReason, List<ChangeLines.ChangeLine> changes,
                             int otherChanges, boolean objectable, String diffUrl, String objectionUrl,
                             String unsubscribeUrl, String manageUrl, ContractNote contract, boolean inEffect,
                             String withdrawalReason) {

        public boolean isAnnouncement() {
            return kind == NoticeKind.ANNOUNCEMENT;
        }

        public boolean isAckReminder() {
            return kind == NoticeKind.ACK_REMINDER;
        }

        public boolean isReminder() {
            return kind == NoticeKind.REMINDER;
        }

        public boolean isEffective() {
            return kind == NoticeKind.EFFECTIVE;
        }

        public boolean isWithdrawal() {
            return kind == NoticeKind.WITHDRAWAL;
        }

        /** An announcement of a change that was already in force when it was published (an emergency). */
        public boolean isInEffectAnnouncement() {
            return kind == NoticeKind.ANNOUNCEMENT && inEffect;
        }

        public boolean isUpcomingAnnouncement() {
            return kind == NoticeKind.ANNOUNCEMENT && !inEffect;
        }

        /** Whether the mail offers the objection link: not once the deadline is behind, not for a withdrawal. */
        public boolean offersObjection() {
            return objectable && !isEffective() && !isWithdrawal();
        }
    }

    /** After confirming: what the subscriber follows and where to change it. */
    public record WelcomeMail(String email, String scope, String listUrl, String manageUrl, String unsubscribeUrl) {
    }

    /** The receipt of an objection ({@code resolved} false) or its resolution. */
    public record ObjectionMail(boolean resolved, int version, String summary, String effectiveDate,
                                List<String> subprocessors, String reason, String receivedAt, String outcome,
                                String resolutionNote, String statusUrl, String manageUrl, String unsubscribeUrl) {
    }

    /** A staff account's invitation to set its password. */
    public record InviteMail(String username, String setPasswordUrl, String expiresAt, String consoleUrl) {
    }

    /**
     * A contact's customer and its contract for this version: the acknowledge link, and whether an
     * emergency gave less notice than the contract requires.
     */
    public record ContractNote(String customer, int requiredDays, int givenDays, boolean shortened, String acknowledgeUrl) {
    }

    /** To a contact staff registered for a customer. */
    public record ContactMail(String customer, String name, String scope, String manageUrl, String unsubscribeUrl) {
    }

    /** The double opt-in mail. */
    public record ConfirmationMail(String confirmUrl, String expiresAt, String scope) {
    }
}
