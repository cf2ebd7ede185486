package io.subregistry.notice.delivery;

import io.vertx.ext.mail.SMTPException;

import java.util.UUID;

/** How one send ended: delivered to the SMTP server, or failed temporarily or for good. */
public record SendOutcome(UUID notice, String messageId, String error, boolean permanent, boolean isReleased) {

    public SendOutcome(UUID notice, String messageId, String error, boolean permanent) {
        this(notice, messageId, error, permanent, false);
    }

    public static SendOutcome delivered(UUID notice, String messageId) {
        return new SendOutcome(notice, messageId, null, false);
    }

    /** Not attempted: the instance is stopping and gives the notice back to the queue. */
    public static SendOutcome released(UUID notice) {
        return new SendOutcome(notice, null, "released at shutdown", false, true);
    }

    /**
     * A 5xx reply is the server's final word ("no such mailbox"): retrying cannot help. Anything
     * else (4xx, refused connection, timeout) may pass later.
     */
    public static SendOutcome failed(UUID notice, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return new SendOutcome(notice, null, describe(smtp), smtp.isPermanent());
            }
            if (cause instanceof IllegalArgumentException refused) {
                // The mail client checks a message before it opens a session (a line break in a
                // header, say): the same message would be refused on every attempt.
                return new SendOutcome(notice, null, "the mail client refused the message: " + describe(refused), true);
            }
        }
        return new SendOutcome(notice, null, describe(failure), false);
    }

    public boolean isDelivered() {
        return error == null && !isReleased;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String single = message.replaceAll("[\\r\\n]+", " ").strip();
        return single.length() > 500 ? single.substring(0, 500) : single;
    }
}
