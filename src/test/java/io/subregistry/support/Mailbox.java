package io.subregistry.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import io.quarkus.arc.Arc;
import io.subregistry.notice.delivery.DeliveryService;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test SMTP server received; it can be taken down and brought back to test retries.
 *
 * <p>Tests that expect mail wait for it with {@link #awaitTo}, {@link #awaitAll} or
 * {@link #awaitSettled}, never by delivering once and looking: on a busy machine a send can
 * stall until its timeout, and the notice is then retried later, as in production.
 */
public final class Mailbox {

    /** How long a test waits for mail before it fails; generous, because only a broken build waits this long. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

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

    /**
     * Delivers due notices until {@code address} has received at least {@code count} mails and
     * nothing is left to send; returns its mails, one per Message-ID, in the order they came.
     */
    public static List<MimeMessage> awaitTo(String address, int count) {
        deliverUntil(() -> distinct(to(address)).size() >= count, count + " mail(s) to " + address);
        return distinct(to(address));
    }

    /** Delivers due notices until at least {@code count} mails arrived and nothing is left to send; one per Message-ID. */
    public static List<MimeMessage> awaitAll(int count) {
        deliverUntil(() -> distinct(all()).size() >= count, count + " mail(s) in all");
        return distinct(all());
    }

    /** Delivers due notices until nothing is left to send: then a mail that did not come will not come. */
    public static void awaitSettled() {
        deliverUntil(() -> true, "an empty outbox");
    }

    /**
     * The mails of a list, one per Message-ID. A send that timed out may still have reached the
     * server before its retry did: the same notice twice, under the same Message-ID.
     */
    public static List<MimeMessage> distinct(List<MimeMessage> mails) {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage mail : mails) {
            String id = header(mail, "Message-ID");
            byId.putIfAbsent(id == null ? "no id " + byId.size() : id, mail);
        }
        return List.copyOf(byId.values());
    }

    /**
     * Runs the dispatcher's rounds until the condition holds and no notice is queued, in flight
     * or waiting for a retry, or fails at the {@link #DEADLINE} with the outbox's state. A send
     * that failed (a stall until the send timeout on a loaded machine) is made due again at
     * once: its backoff is counted on the test's clock, which stands still.
     */
    private static void deliverUntil(BooleanSupplier arrived, String what) {
        DeliveryService delivery = Arc.container().instance(DeliveryService.class).get();
        TestDatabase database = Arc.container().instance(TestDatabase.class).get();
        Clock clock = Arc.container().instance(MutableClock.class).get();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            delivery.deliverDue();
            if (arrived.getAsBoolean()
                    && database.count("select count(*) from notice where status in ('QUEUED', 'SENDING', 'RETRYING')") == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what + "; received "
                        + all().size() + " mail(s); notices not sent: " + database.lines("""
                        select recipient, kind, status, attempts, last_error from notice
                         where status <> 'SENT' order by queued_at"""));
            }
            String now = "'" + clock.instant() + "'::timestamptz";
            database.execute("update notice set next_attempt_at = " + now + " where status = 'RETRYING' and next_attempt_at > " + now);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for mail", e);
        }
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
