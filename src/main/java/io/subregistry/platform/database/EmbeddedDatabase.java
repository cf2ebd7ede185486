package io.subregistry.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run by the service itself, for the default run and for tests on a
 * machine without a database. One per JVM; stopped by a shutdown hook.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedDatabase running;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on first call, keeping its data in {@code dataDir}; later calls return the same one. */
    public static synchronized EmbeddedDatabase startOnce(Path dataDir, boolean clean) {
        if (running == null) {
            running = start(dataDir, clean);
        }
        return running;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    private static EmbeddedDatabase start(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster(dataDir);
            LOG.infof("Starting embedded PostgreSQL with data in %s", dataDir.toAbsolutePath());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    // Zonky turns fsync off for speed; a registry of legal records must survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
            LOG.infof("Embedded PostgreSQL is listening on 127.0.0.1:%d", postgres.getPort());
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * After a {@code kill -9} of the service its postmaster lives on and holds {@code postmaster.pid},
     * which would block this start. Such an orphan is ours (same data directory), so we shut it
     * down cleanly (SIGINT: fast shutdown, committed data is safe) and wait for it to go.
     */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        ensureNoLiveOwner(dataDir);
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(EmbeddedDatabase::isPostgres);
        if (process.isEmpty()) {
            LOG.infof("Removing stale %s (process %d is gone)", pidFile, pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        LOG.warnf("An orphaned PostgreSQL (pid %d) still holds %s; shutting it down", pid.get(), dataDir);
        signal(pid.get(), "INT");
        try {
            process.get().onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("PostgreSQL %d did not stop in time; terminating it", pid.get());
            signal(pid.get(), "QUIT");
        }
    }

    /**
     * A live service holds a file lock on {@code epg-lock} for as long as it runs its PostgreSQL;
     * if that lock is taken, the postmaster is not an orphan and must be left alone.
     */
    private static void ensureNoLiveOwner(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another running service uses the embedded database in " + dataDir
                        + "; stop it first or give this one its own registry.embedded-database.data-dir");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("this process already runs the embedded database in " + dataDir, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
