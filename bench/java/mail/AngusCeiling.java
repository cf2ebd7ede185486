import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For comparison with {@link MailerCeiling}: the same notice, N copies, through Jakarta Mail's
 * SMTP transport (Angus, already on the test classpath through GreenMail), one thread and one
 * connection per session, each message written through a buffered stream (a few writes, no
 * {@code RSET} between messages; no pipelining: MAIL, RCPT and DATA each wait for their reply).
 * Not used by the service: it measures what a client that writes a message in one go reaches.
 *
 * <p>Usage: {@code java -cp … AngusCeiling HOST PORT SESSIONS COUNT MAIL.json [WARMUP]} ({@link Ceiling}).
 */
public final class AngusCeiling {

    public static void main(String[] args) throws Exception {
        Ceiling ceiling = Ceiling.fromArgs(args);
        Properties props = new Properties();
        props.put("mail.smtp.host", ceiling.host());
        props.put("mail.smtp.port", String.valueOf(ceiling.port()));
        Session session = Session.getInstance(props);
        ceiling.measure((count, idPrefix) -> run(session, ceiling.mail(), ceiling.sessions(), count, idPrefix),
                "notice-angus", wall -> "");
    }

    private static int run(Session session, JsonNode mail, int sessions, int count, String idPrefix) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            Thread worker = new Thread(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            MimeMessage message = message(session, mail, i);
                            String id = "<" + idPrefix + "-" + i + "@bench.test>";
                            message.setHeader("Message-ID", id);
                            transport.sendMessage(message, message.getAllRecipients());
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return failures.get();
    }

    /** The notice as a multipart/alternative of the text (UTF-8) and the HTML, as the service's mails are. */
    private static MimeMessage message(Session session, JsonNode mail, int i) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(mail.get("from").asText()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("sub" + i + "@bench.test"));
        message.setSubject(mail.get("subject").asText(), "UTF-8");
        for (Iterator<Map.Entry<String, JsonNode>> it = mail.get("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            message.addHeader(header.getKey(), header.getValue().asText());
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.get("text").asText(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(mail.get("html").asText(), "text/html; charset=us-ascii");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

}
