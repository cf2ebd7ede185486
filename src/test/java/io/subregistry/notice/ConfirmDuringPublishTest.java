package io.subregistry.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber who confirms while a version is being published gets its announcement: the
 * publish's insert cannot see the uncommitted confirmation, and the confirmation's insert cannot
 * see the uncommitted version, so without a lock between them both would leave the reader out.
 */
@QuarkusTest
class ConfirmDuringPublishTest extends RegistryTest {

    private static final String EMAIL = "late@customer.example";

    @Inject
    PublishPause pause;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pause.release();
        pool.shutdownNow();
    }

    @Test
    void aConfirmationDuringAPublishStillGetsTheAnnouncement() throws Exception {
        Subscribers.subscribe(EMAIL);
        List<MimeMessage> mails = Mailbox.awaitTo(EMAIL, 1);
        String token = Mailbox.link(mails.get(0), Subscribers.CONFIRM_PREFIX).substring(Subscribers.CONFIRM_PREFIX.length());
        Api.addToDraft(Entries.named("Postmark").in("support"));

        pause.arm();
        Future<Integer> publishing = pool.submit(() -> Api.publishWithNotice("Adds Postmark"));
        assertThat(pause.awaitPaused()).as("the publish reached its announcements").isTrue();
        Future<?> confirming = pool.submit(() ->
                given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(200));
        // Let the confirmation run as far as it can while the publish is uncommitted: to its end,
        // or until it waits for the publish.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!confirming.isDone() && waitingForALock() == 0 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        pause.release();
        int version = publishing.get(60, TimeUnit.SECONDS);
        confirming.get(60, TimeUnit.SECONDS);

        assertThat(database.count("select count(*) from notice where kind = 'ANNOUNCEMENT' and version_number = " + version
                + " and recipient = '" + EMAIL + "'")).as("the announcement of version %d to %s", version, EMAIL).isEqualTo(1);
    }

    private long waitingForALock() {
        return database.count("select count(*) from pg_locks where locktype = 'advisory' and not granted");
    }
}
