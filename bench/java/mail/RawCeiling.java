import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For comparison with {@link MailerCeiling}: what a client reaches that writes a whole message in
 * one go and pipelines the envelope (RFC 2920) on Vert.x's own NetClient, the shape proposed for
 * the fan-out. Each session sends the message, its final dot and the next message's
 * {@code MAIL FROM}, {@code RCPT TO} and {@code DATA} in one write, then waits for their replies:
 * one round trip per message, no {@code RSET}. The MIME message (headers, the text part
 * quoted-printable in UTF-8, the packed HTML part as it is) is built anew for every message.
 * A bench prototype: no TLS, no AUTH, no timeouts, no error recovery.
 *
 * <p>Usage: {@code java -cp … RawCeiling HOST PORT SESSIONS COUNT MAIL.json [WARMUP]} ({@link Ceiling}).
 */
public final class RawCeiling {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    public static void main(String[] args) throws Exception {
        Ceiling ceiling = Ceiling.fromArgs(args);
        Vertx vertx = Vertx.vertx();
        NetClient client = vertx.createNetClient();
        ceiling.measure((count, idPrefix) -> run(vertx, client, ceiling.host(), ceiling.port(), ceiling.mail(),
                ceiling.sessions(), count, idPrefix), "notice-raw", wall -> "");
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static int run(Vertx vertx, NetClient client, String host, int port, JsonNode mail, int sessions, int count,
                           String idPrefix) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(sessions);
        vertx.runOnContext(v -> {
            for (int s = 0; s < sessions; s++) {
                client.connect(port, host).onSuccess(socket -> new Session(socket, mail, next, count, idPrefix, failures, done))
                        .onFailure(e -> {
                            e.printStackTrace();
                            done.countDown();
                        });
            }
        });
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not finished in 30 minutes");
        }
        return failures.get();
    }

    /** One SMTP session: greeting, EHLO, then message after message, each in one write with the next envelope. */
    private static final class Session {
        private final NetSocket socket;
        private final JsonNode mail;
        private final AtomicInteger next;
        private final int count;
        private final String idPrefix;
        private final AtomicInteger failures;
        private final CountDownLatch done;
        private final StringBuilder pending = new StringBuilder();
        private int expected = 1;        // replies awaited before the next write
        private int stage = 0;           // 0 greeting, 1 EHLO, 2 sending, 3 QUIT
        private int current = -1;        // the message whose envelope is on the wire
        private boolean failedEnvelope;

        Session(NetSocket socket, JsonNode mail, AtomicInteger next, int count, String idPrefix, AtomicInteger failures,
                CountDownLatch done) {
            this.socket = socket;
            this.mail = mail;
            this.next = next;
            this.count = count;
            this.idPrefix = idPrefix;
            this.failures = failures;
            this.done = done;
            socket.handler(this::read);
            socket.closeHandler(v -> done.countDown());
        }

        private void read(Buffer data) {
            pending.append(data.toString(StandardCharsets.ISO_8859_1));
            int end;
            while ((end = pending.indexOf("\r\n")) >= 0) {
                String line = pending.substring(0, end);
                pending.delete(0, end + 2);
                if (line.length() > 3 && line.charAt(3) == '-') {
                    continue;    // a continued multi-line reply
                }
                if (line.charAt(0) != '2' && line.charAt(0) != '3') {
                    failedEnvelope = true;
                }
                if (--expected == 0) {
                    step();
                }
            }
        }

        private void step() {
            switch (stage) {
                case 0 -> {
                    stage = 1;
                    expected = 1;
                    socket.write("EHLO bench.test\r\n");
                }
                case 1 -> {
                    stage = 2;
                    current = next.getAndIncrement();
                    if (current >= count) {
                        quit();
                        return;
                    }
                    expected = 3;
                    failedEnvelope = false;
                    socket.write(envelope(current));
                }
                case 2 -> {
                    // replies in: either the envelope's three (then the body goes out with the next envelope)
                    // or, after a body, the dot's reply plus the next envelope's three
                    if (failedEnvelope) {
                        failures.incrementAndGet();
                    }
                    failedEnvelope = false;
                    Buffer out = Buffer.buffer(8192);
                    out.appendString(message(current), "UTF-8").appendString(".\r\n");
                    current = next.getAndIncrement();
                    if (current < count) {
                        out.appendString(envelope(current));
                        expected = 4;
                    } else {
                        out.appendString("QUIT\r\n");
                        stage = 3;
                        expected = 2;
                    }
                    socket.write(out);
                }
                default -> socket.close();
            }
        }

        private void quit() {
            stage = 3;
            expected = 1;
            socket.write("QUIT\r\n");
        }

        private String envelope(int i) {
            return "MAIL FROM:<" + address(mail.get("from").asText()) + ">\r\nRCPT TO:<sub" + i + "@bench.test>\r\nDATA\r\n";
        }

        private String message(int i) {
            String boundary = "=_part_" + i + "_bench";
            StringBuilder m = new StringBuilder(8192);
            m.append("From: ").append(mail.get("from").asText()).append("\r\n");
            m.append("To: sub").append(i).append("@bench.test\r\n");
            m.append("Subject: ").append(encodedWord(mail.get("subject").asText())).append("\r\n");
            m.append("Date: ").append(DATE.format(ZonedDateTime.now())).append("\r\n");
            m.append("Message-ID: <").append(idPrefix).append('-').append(i).append("@bench.test>\r\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = mail.get("headers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                m.append(header.getKey()).append(": ").append(header.getValue().asText()).append("\r\n");
            }
            m.append("MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
            m.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=utf-8\r\n")
                    .append("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
            quotedPrintable(mail.get("text").asText(), m);
            m.append("\r\n--").append(boundary).append("\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
            dotStuffed(mail.get("html").asText(), m);
            m.append("\r\n--").append(boundary).append("--\r\n");
            return m.toString();
        }
    }

    private static String address(String from) {
        int lt = from.indexOf('<');
        return lt < 0 ? from : from.substring(lt + 1, from.indexOf('>', lt));
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** Lines joined with CRLF, a leading dot doubled (SMTP's transparency, RFC 5321 4.5.2). */
    private static void dotStuffed(String text, StringBuilder out) {
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            if (l > 0) {
                out.append("\r\n");
            }
            if (line.startsWith(".")) {
                out.append('.');
            }
            out.append(line);
        }
    }

    /** RFC 2045 quoted-printable of UTF-8 text, lines joined with CRLF, soft line breaks at 76. */
    private static void quotedPrintable(String text, StringBuilder out) {
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) {
                out.append("\r\n");
            }
            String line = lines[l];
            int column = 0;
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            for (int b = 0; b < bytes.length; b++) {
                int c = bytes[b] & 0xff;
                boolean last = b == bytes.length - 1;
                boolean literal = (c >= 33 && c <= 126 && c != '=' && !(column == 0 && c == '.'))
                        || (c == ' ' && !last);
                int width = literal ? 1 : 3;
                if (column + width > 75) {
                    out.append("=\r\n");
                    column = 0;
                }
                if (literal) {
                    out.append((char) c);
                } else {
                    out.append('=').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                }
                column += width;
            }
        }
    }

}
