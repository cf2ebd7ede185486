package io.subregistry.notice.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.subregistry.notice.Notice;
import io.subregistry.notice.NoticeRepository;
import io.subregistry.notice.NoticeStatus;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.ScriptedSmtpServer;
import io.subregistry.support.ScriptedSmtpServer.Stage;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP server that hangs or hangs up at any stage of a session costs retries, never a
 * delivery, a duplicate or a connection of the mailer's pool: once it behaves again every notice
 * goes out exactly once, and the next sends find the whole pool. The pool is small here (3), a
 * send gives up after 1 s and a lease lasts 6 s, so that "more stalled sends than the pool holds"
 * and "a send the mail client never finishes" are quick to reach.
 */
@QuarkusTest
@TestProfile(StalledSmtpTest.SmallPool.class)
class StalledSmtpTest extends RegistryTest {

    static final int POOL = 3;

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.max-pool-size", Integer.toString(POOL),
                    "registry.notices.send-concurrency", Integer.toString(POOL),
                    "registry.notices.send-timeout", "1s",
                    "registry.notices.record-retry", "3s",
                    "registry.notices.lease", "6s");
        }
    }

    @Inject
    DeliveryService delivery;

    @Inject
    NoticeRepository notices;

    @Inject
    Subscribers subscribers;

    @Inject
    SmtpSender sender;

    static Stream<Arguments> faults() {
        return Arrays.stream(Stage.values())
                .flatMap(stage -> Stream.of(Arguments.of(stage, ScriptedSmtpServer.STALL), Arguments.of(stage, ScriptedSmtpServer.DROP)));
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("faults")
    void aServerThatHangsOrHangsUpAtAnyStageCostsARetryNeverADeliveryOrAPoolSlot(Stage stage, String fault) throws Exception {
        String prefix = stage.name().toLowerCase() + fault.length();
        subscribers.many(POOL + 2, prefix);
        int version = publishAnAddition();
        Mailbox.serverDown();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Mailbox.port()).on(stage, fault)) {
            DeliveryService.Round faulty = delivery.deliverDue();

            assertThat(faulty.sent()).isZero();
            assertThat(faulty.retrying()).as("every send failed and will be retried").isEqualTo(POOL + 2);
            assertThat(server.accepted()).isEmpty();

            if (fault.equals(ScriptedSmtpServer.STALL)) {
                assertThat(sender.open()).as("hung sessions keep their places").isEqualTo(POOL);
            }

            server.behave().endStalled();
            // The client finishes a send whose connection the server closed, except before the
            // greeting (Vert.x mail 4.5): that place comes back when the lease runs out.
            waitUntil(() -> sender.open() == 0, Duration.ofSeconds(20), () -> sender.open() + " sends still open");
            clock.advance(Duration.ofHours(2));
            DeliveryService.Round recovered = delivery.deliverDue();

            assertThat(recovered.sent()).isEqualTo(POOL + 2);
            List<Notice> sent = noticesOf(version);
            assertThat(sent).allSatisfy(notice -> assertThat(notice.status).isEqualTo(NoticeStatus.SENT));
            assertThat(server.accepted()).as("each notice accepted once, under its own Message-ID")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(sent.stream().map(notice -> notice.messageId).toList());

            int later = publishAnAdditionTo(3 * POOL, prefix + "-later");
            DeliveryService.Round next = delivery.deliverDue();
            assertThat(next.retrying()).as("no send waited in vain for a connection the fault had taken").isZero();
            assertThat(next.sent()).isEqualTo(3 * POOL + POOL + 2);
            assertThat(noticesOf(later)).allSatisfy(notice -> assertThat(notice.status).isEqualTo(NoticeStatus.SENT));
        }
    }

    /**
     * A server that answers 451 to every recipient makes the mailer open a new connection for each
     * send. The Vert.x mail client lost the server's greeting on some of those new connections when
     * the send had been started on another thread than the connection's event loop: the connection
     * then waited for a greeting it had dropped, the server for an EHLO, and its pool slot was gone
     * for good. After a few thousand such sends every connection the client opened must have been
     * closed again (QUIT after the 451), and the next sends must find the whole pool.
     */
    @Test
    void aServerAnsweringFourFiftyOneToEverySendNeverCostsAPoolSlot() throws Exception {
        int count = 1000;
        subscribers.many(count, "busy");
        int version = publishAnAddition();
        Mailbox.serverDown();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Mailbox.port(), "451 4.3.0 try again later")) {
            for (int round = 1; round <= 3; round++) {
                DeliveryService.Round busy = deliverAllDue();
                assertThat(busy.retrying()).isEqualTo(count);
                clock.advance(Duration.ofHours(2));
            }
            assertThat(server.connections()).as("a connection per failed send").isGreaterThanOrEqualTo(3 * count);
            waitUntil(() -> server.open() == 0, Duration.ofSeconds(20),
                    () -> server.open() + " connections still open, waiting for a greeting the client never read");
            assertThat(sender.open()).isZero();

            server.behave();
            DeliveryService.Round recovered = deliverAllDue();

            assertThat(recovered.retrying()).isZero();
            assertThat(recovered.sent()).isEqualTo(count);
            assertThat(server.accepted()).hasSize(count).doesNotHaveDuplicates();
            assertThat(noticesOf(version)).allSatisfy(notice -> assertThat(notice.status).isEqualTo(NoticeStatus.SENT));
        }
    }

    /** Rounds until none claims anything (one call stops at its time budget, which a busy machine may reach). */
    private DeliveryService.Round deliverAllDue() {
        DeliveryService.Round total = delivery.deliverDue();
        DeliveryService.Round round = total;
        while (round.claimed() > 0) {
            round = delivery.deliverDue();
            total = total.plus(round);
        }
        return total;
    }

    private static void waitUntil(BooleanSupplier condition, Duration deadline, Supplier<String> why)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(why.get()).isBefore(giveUp);
            Thread.sleep(20);
        }
    }

    private int publishAnAdditionTo(int count, String prefix) {
        subscribers.many(count, prefix);
        return publishAnAddition();
    }

    private int publishAnAddition() {
        Api.addToDraft(Entries.named("Postmark " + System.nanoTime()));
        LocalDate effective = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(31);
        return Api.publishOrFail(effective, "Adds a mail provider");
    }

    private List<Notice> noticesOf(int version) {
        return QuarkusTransaction.requiringNew().call(() -> notices.ofVersion(version));
    }
}
