package io.subregistry.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) for every @QuarkusTest; tests reach it through {@link Mailbox}. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = freePort();
        Mailbox.start(port);
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        Mailbox.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail server(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
