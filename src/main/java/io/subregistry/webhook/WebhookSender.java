package io.subregistry.webhook;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends one signed POST with the Vert.x web client: to the address the destination policy
 * checked (the Host header and TLS server name stay the URL's host), no redirects followed,
 * time-outs from config, and only the first 1 KB of the answer kept.
 */
@ApplicationScoped
public class WebhookSender {

    static final int RESPONSE_LIMIT = 1024;

    private final WebClient client;
    private final long timeoutMillis;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.timeoutMillis = config.timeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) timeoutMillis)
                .setMaxPoolSize(Math.max(1, config.concurrency()))
                .setForceSni(true)
                .setVerifyHost(true)
                .setUserAgent("Subprocessor-Registry-Webhooks/1"));
    }

    public CompletionStage<HttpAttempt> post(Destination destination, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        FirstBytes answer = new FirstBytes(RESPONSE_LIMIT);
        CompletableFuture<HttpAttempt> result = new CompletableFuture<>();
        var request = client.request(HttpMethod.POST,
                        SocketAddress.inetSocketAddress(destination.port(), destination.address().getHostAddress()),
                        destination.port(), destination.url().getHost(), destination.requestUri())
                .ssl(destination.tls())
                .timeout(timeoutMillis)
                .putHeader("Content-Type", "application/json")
                .as(BodyCodec.pipe(answer, false));
        headers.forEach(request::putHeader);
        request.sendBuffer(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))).onComplete(done -> {
            int latency = (int) ((System.nanoTime() - started) / 1_000_000);
            if (done.succeeded()) {
                result.complete(new HttpAttempt(done.result().statusCode(), latency, answer.text(), null));
            } else {
                result.complete(new HttpAttempt(null, latency, null, describe(done.cause())));
            }
        });
        return result;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** An error in words for the delivery record: no stack trace, no class name when a message exists. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /** Keeps the first {@code limit} bytes of the answer and drops the rest as it streams in. */
    static final class FirstBytes implements WriteStream<Buffer> {

        private final int limit;
        private final Buffer kept = Buffer.buffer();

        FirstBytes(int limit) {
            this.limit = limit;
        }

        String text() {
            // PostgreSQL text cannot hold NUL; an answer is evidence, not data we interpret.
            return kept.length() == 0 ? null : kept.toString(StandardCharsets.UTF_8).replace((char) 0, '\uFFFD');
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public Future<Void> write(Buffer data) {
            int room = limit - kept.length();
            if (room > 0) {
                kept.appendBuffer(data, 0, Math.min(room, data.length()));
            }
            return Future.succeededFuture();
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
            write(data);
            if (handler != null) {
                handler.handle(Future.succeededFuture());
            }
        }

        @Override
        public void end(Handler<AsyncResult<Void>> handler) {
            if (handler != null) {
                handler.handle(Future.succeededFuture());
            }
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
