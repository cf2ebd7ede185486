package io.subregistry.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server that misbehaves on cue, for what GreenMail can't do: at each stage of a session
 * it can answer with any reply ("451 4.3.0 try later", "550 5.1.1 no such user"), never answer
 * ({@link #STALL}: it keeps the connection open and reads on, like a server that hangs), or close
 * the connection without a word ({@link #DROP}). What it does can change while it runs; a session
 * that stalled stays stalled until the client gives up on it, so a test sees whether the client
 * frees its connection by itself. It counts what it accepted by Message-ID.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** The moments a server owes the client a reply. */
    public enum Stage { GREETING, EHLO, MAIL, RCPT, DATA, END_OF_DATA }

    /** Never answer, keep the connection open. */
    public static final String STALL = "<stall>";
    /** Close the connection instead of answering. */
    public static final String DROP = "<drop>";

    private static final Map<Stage, String> GOOD = new EnumMap<>(Map.of(
            Stage.GREETING, "220 scripted ESMTP",
            Stage.EHLO, "250 scripted",
            Stage.MAIL, "250 2.1.0 OK",
            Stage.RCPT, "250 2.1.5 OK",
            Stage.DATA, "354 end data with <CR><LF>.<CR><LF>",
            Stage.END_OF_DATA, "250 2.0.0 queued"));
    private static final Pattern MESSAGE_ID = Pattern.compile("(?i)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket socket;
    private final Map<Stage, String> script = new ConcurrentHashMap<>(GOOD);
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> stalled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();

    /** A well-behaved server on {@code port}; {@link #on} makes it misbehave. */
    public ScriptedSmtpServer(int port) throws IOException {
        this.socket = new ServerSocket();
        this.socket.setReuseAddress(true);
        this.socket.bind(new InetSocketAddress("127.0.0.1", port));
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that answers every recipient with {@code recipientReply}. */
    public ScriptedSmtpServer(int port, String recipientReply) throws IOException {
        this(port);
        on(Stage.RCPT, recipientReply);
    }

    /** From now on, answer {@code stage} with {@code reply}: an SMTP reply line, {@link #STALL} or {@link #DROP}. */
    public ScriptedSmtpServer on(Stage stage, String reply) {
        script.put(stage, reply);
        return this;
    }

    /** From now on, answer every stage as a good server does (sessions that stalled stay stalled). */
    public ScriptedSmtpServer behave() {
        script.putAll(GOOD);
        return this;
    }

    /**
     * Ends every session it stalled, as a server does when it times out a hung session or is
     * restarted: the client sees its connection closed.
     */
    public ScriptedSmtpServer endStalled() throws IOException {
        for (Socket client : stalled) {
            client.close();
        }
        return this;
    }

    /** Recipients refused with a reply other than 250. */
    public int refusals() {
        return refusals.get();
    }

    /** Message-IDs of the messages accepted (250 after the final dot), in order, repeats included. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections the client has not closed yet. */
    public int open() {
        return open.size();
    }

    /** Connections this server stalled that the client has not closed yet. */
    public int stalled() {
        return stalled.size();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.add(client);
                Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            if (!answer(Stage.GREETING, client, in, out)) {
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                boolean goOn = switch (command) {
                    case "EHLO", "HELO" -> answer(Stage.EHLO, client, in, out);
                    case "MAIL" -> answer(Stage.MAIL, client, in, out);
                    case "RCPT" -> {
                        String reply = script.get(Stage.RCPT);
                        if (!reply.startsWith("250")) {
                            refusals.incrementAndGet();
                        }
                        yield answer(Stage.RCPT, client, in, out);
                    }
                    case "DATA" -> answer(Stage.DATA, client, in, out) && receiveData(client, in, out);
                    case "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        yield false;
                    }
                    default -> reply(out, "503 bad sequence");
                };
                if (!goOn) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client went away
        } finally {
            open.remove(client);
            stalled.remove(client);
        }
    }

    /** The message up to the final dot, then the reply to it; false when the session is over. */
    private boolean receiveData(Socket client, BufferedReader in, OutputStream out) throws IOException {
        if (!script.get(Stage.DATA).startsWith("354")) {
            return true;
        }
        String messageId = null;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            Matcher matcher = MESSAGE_ID.matcher(line);
            if (messageId == null && matcher.find()) {
                messageId = matcher.group(1);
            }
        }
        if (line == null) {
            return false;
        }
        String reply = script.get(Stage.END_OF_DATA);
        boolean goOn = answer(Stage.END_OF_DATA, client, in, out);
        if (goOn && reply.startsWith("250") && messageId != null) {
            accepted.add(messageId);
        }
        return goOn;
    }

    /** Answers as scripted for {@code stage}; false when the session is over (dropped, or stalled until the client left). */
    private boolean answer(Stage stage, Socket client, BufferedReader in, OutputStream out) throws IOException {
        String reply = script.get(stage);
        if (DROP.equals(reply)) {
            return false;
        }
        if (STALL.equals(reply)) {
            stalled.add(client);
            while (in.readLine() != null) {
                // a hung server: reads what comes, answers nothing, until the client closes
            }
            return false;
        }
        return reply(out, reply);
    }

    private static boolean reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** Stops accepting and closes every session still open. */
    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : open) {
            client.close();
        }
    }
}
