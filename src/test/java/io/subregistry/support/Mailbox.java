package io.subregistry.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the test SMTP server received; it can be taken down and brought back to test retries. */
public final class Mailbox {

    private static volatile GreenMail server;
    private static volatile int port;

    private Mailbox() {
    }

    static synchronized void start(int smtpPort) {
        port = smtpPort;
        server = GreenMailResource.server(port);
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Takes the SMTP server down: connections are refused until {@link #serverUp()}. */
    public static synchronized void serverDown() {
        stop();
    }

    public static int port() {
        return port;
    }

    public static synchronized void serverUp() {
        if (server == null) {
            server = GreenMailResource.server(port);
        }
    }

    public static void clear() {
        serverUp();
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<MimeMessage> all() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public static List<MimeMessage> to(String address) {
        return all().stream().filter(message -> recipients(message).contains(address)).toList();
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : String.join(", ", values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of each part by content type: "text/plain" and "text/html". */
    public static List<String[]> parts(MimeMessage message) {
        try {
            List<String[]> parts = new ArrayList<>();
            collect(message.getContent(), message.getContentType(), parts);
            return parts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String part(MimeMessage message, String type) {
        return parts(message).stream().filter(part -> part[0].toLowerCase().startsWith(type)).map(part -> part[1])
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(message)));
    }

    public static String raw(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }

    /** The first link in the plain-text part that starts with {@code prefix}. */
    public static String link(MimeMessage message, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_\\-]+").matcher(part(message, "text/plain"));
        if (!matcher.find()) {
            throw new AssertionError("no link starting with " + prefix + " in:\n" + part(message, "text/plain"));
        }
        return matcher.group();
    }

    private static void collect(Object content, String type, List<String[]> parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else {
            parts.add(new String[]{type, String.valueOf(content)});
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
