package io.subregistry.blackbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service (target/quarkus-app) run as its own process, as an operator would run it. */
final class ServiceProcess {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private final Path workDir;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    ServiceProcess(Path workDir, Map<String, String> environment) throws IOException {
        this.workDir = workDir;
        this.port = freePort();
        this.log = workDir.resolve("service-" + port + ".log");
        this.environment = new HashMap<>(environment);
    }

    ServiceProcess start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // The service must decide by itself: drop whatever datasource the test JVM was given.
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(environment);
        process = builder.start();
        return this;
    }

    /** Waits until readiness answers UP; fails with the log when it doesn't within the timeout. */
    ServiceProcess awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> ready = get("/q/health/ready", null);
                if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service was not ready within " + timeout + ":\n" + log());
    }

    HttpResponse<String> get(String path, String basicAuth) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), basicAuth);
    }

    /** A page as a browser asks for it. */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, String basicAuth) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), basicAuth);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String basicAuth) throws IOException, InterruptedException {
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(10));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is orphaned. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a graceful stop; returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop within " + timeout);
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
