package io.subregistry.notice;

/** An address as logs and audit lines may show it: enough to recognise, not enough to harvest. */
public final class MaskedEmail {

    private MaskedEmail() {
    }

    public static String of(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
