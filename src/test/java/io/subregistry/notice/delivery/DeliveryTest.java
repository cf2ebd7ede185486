package io.subregistry.notice.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.subregistry.notice.ClaimedNotice;
import io.subregistry.notice.Notice;
import io.subregistry.notice.NoticeConfig;
import io.subregistry.notice.NoticeMetrics;
import io.subregistry.notice.NoticeRepository;
import io.subregistry.notice.NoticeStatus;
import io.subregistry.notice.SubscriberRepository;
import io.subregistry.notice.TokenService;
import io.subregistry.notice.mail.NoticeMails;
import io.subregistry.notice.objection.ObjectionRepository;
import io.subregistry.platform.InstanceIdentity;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.ScriptedSmtpServer;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery you can prove: retries, leases, races and failures, against a real SMTP server. */
@QuarkusTest
class DeliveryTest extends RegistryTest {

    @Inject
    DeliveryService delivery;

    @Inject
    NoticeRepository notices;

    @Inject
    Subscribers subscribers;

    @Inject
    SubscriberRepository subscriberRepository;

    @Inject
    ObjectionRepository objections;

    @Inject
    VersionQueries versions;

    @Inject
    TokenService tokens;

    @Inject
    NoticeMails mails;

    @Inject
    SmtpSender sender;

    @Inject
    OutcomeRecorder recorder;

    @Inject
    io.subregistry.notice.ContactTerms contracts;

    @Inject
    NoticeConfig config;

    @Inject
    Clock injectedClock;

    @Inject
    NoticeMetrics metrics;

    @Inject
    io.subregistry.security.InviteService invites;

    @Inject
    io.subregistry.notice.objection.ObjectionService objectionService;

    /** A message the mail client will not even start to send is never going to pass: it fails at once, for good. */
    @Test
    void aMessageTheMailClientRefusesFailsAtOnceAndForGood() {
        io.quarkus.mailer.Mail refused = io.quarkus.mailer.Mail.withText("someone@customer.example", "a\r\nBcc: other@example.com", "text")
                .setFrom("subprocessors@localhost");
        List<SendOutcome> outcomes = sender.send(List.of(new SmtpSender.Outgoing(java.util.UUID.randomUUID(), "<refused@localhost>",
                refused, java.time.Instant.now().plusSeconds(600))), () -> false);

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.isDelivered()).isFalse();
            assertThat(outcome.permanent()).as("retrying cannot help: " + outcome.error()).isTrue();
            assertThat(outcome.error()).startsWith("the mail client refused the message");
        });
        assertThat(sender.open()).as("its connection place is free again").isZero();
        assertThat(Mailbox.all()).isEmpty();
    }

    @Test
    void whileTheSmtpServerIsDownNoticesWaitAndThenGoOutExactlyOnce() {
        subscribers.many(3, "down");
        int version = publishAnAddition();
        Mailbox.serverDown();

        DeliveryService.Round failed = delivery.deliverDue();

        assertThat(failed.retrying()).isEqualTo(3);
        List<Notice> waiting = noticesOf(version);
        assertThat(waiting).allSatisfy(notice -> {
            assertThat(notice.status).isEqualTo(NoticeStatus.RETRYING);
            assertThat(notice.attempts).isEqualTo(1);
            assertThat(notice.lastError).isNotBlank();
            assertThat(notice.nextAttemptAt).isAfter(clock.instant());
        });
        assertThat(delivery.deliverDue().claimed()).as("not due yet").isZero();

        Mailbox.serverUp();
        clock.advance(Duration.ofMinutes(2));
        assertThat(delivery.deliverDue().claimed()).as("due again after the backoff").isEqualTo(3);
        Mailbox.awaitAll(3);

        assertThat(noticesOf(version)).allSatisfy(notice -> {
            assertThat(notice.status).isEqualTo(NoticeStatus.SENT);
            assertThat(notice.attempts).isGreaterThanOrEqualTo(2);
            assertThat(notice.messageId).isNotBlank();
        });
        assertThat(recipientsOfAll()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void twoDispatchersRacingOverOneQueueSendEveryNoticeOnce() throws Exception {
        subscribers.many(300, "race");
        int version = publishAnAddition();
        DeliveryService other = new DeliveryService(notices, subscriberRepository, objections, versions, tokens, mails,
                sender, config, injectedClock, new InstanceIdentity(), metrics, recorder, invites, objectionService, contracts);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DeliveryService.Round>> rounds = pool.invokeAll(List.<Callable<DeliveryService.Round>>of(
                    delivery::deliverDue, other::deliverDue));
            int claimed = 0;
            for (Future<DeliveryService.Round> round : rounds) {
                claimed += round.get().claimed();
            }
            assertThat(claimed).as("each notice claimed by one dispatcher only").isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
        // A send may time out on a loaded machine; its retry carries the same Message-ID.
        Mailbox.awaitAll(300);

        List<String> received = recipientsOfAll();
        assertThat(received).hasSize(300).doesNotHaveDuplicates();
        assertThat(noticesOf(version)).extracting(notice -> notice.status).containsOnly(NoticeStatus.SENT);
    }

    @Test
    void aCrashedInstancesClaimsAreTakenOverWhenTheirLeaseRunsOut() {
        subscribers.many(5, "crash");
        int version = publishAnAddition();
        Instant now = clock.instant();
        List<ClaimedNotice> lost = QuarkusTransaction.requiringNew().call(() ->
                notices.claim("crashed-instance", now, now.plus(Duration.ofMinutes(2)), 10));
        assertThat(lost).hasSize(5);

        assertThat(delivery.deliverDue().claimed()).as("the lease still holds").isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(delivery.deliverDue().claimed()).as("taken over").isEqualTo(5);
        Mailbox.awaitAll(5);

        int lateRecord = QuarkusTransaction.requiringNew().call(() -> notices.recordSent("crashed-instance",
                lost.stream().map(claimed -> new NoticeRepository.Sent(claimed.id(), now, "<late@x>")).toList()));
        assertThat(lateRecord).as("a late instance can no longer record anything").isZero();
        assertThat(noticesOf(version)).extracting(notice -> notice.messageId).doesNotContain("<late@x>");
        assertThat(recipientsOfAll()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aPermanentRejectionFailsAtOnceATemporaryOneIsRetried() throws Exception {
        subscribers.many(1, "rejected");
        int version = publishAnAddition();
        Mailbox.serverDown();
        try (ScriptedSmtpServer rejecting = new ScriptedSmtpServer(Mailbox.port(), "550 5.1.1 no such user")) {
            deliverUntilSettled();
            Notice notice = noticesOf(version).get(0);
            assertThat(notice.status).isEqualTo(NoticeStatus.FAILED);
            assertThat(notice.lastError).contains("550");
            assertThat(rejecting.refusals()).isPositive();
        }
        subscribers.many(1, "later");
        int next = publishAnAddition();
        try (ScriptedSmtpServer busy = new ScriptedSmtpServer(Mailbox.port(), "451 4.3.0 try again later")) {
            delivery.deliverDue();
            Notice notice = noticesOf(next).stream().filter(n -> n.recipient.startsWith("later")).findFirst().orElseThrow();
            assertThat(notice.status).isEqualTo(NoticeStatus.RETRYING);
            assertThat(notice.lastError).contains("451");
        }
    }

    @Test
    void retriesBackOffExponentiallyAndStopAtTheCap() {
        subscribers.many(1, "backoff");
        int version = publishAnAddition();
        Mailbox.serverDown();
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            delivery.deliverDue();
            Notice notice = noticesOf(version).get(0);
            assertThat(notice.attempts).isEqualTo(attempt);
            if (notice.status == NoticeStatus.FAILED) {
                break;
            }
            delays.add(Duration.between(clock.instant(), notice.nextAttemptAt));
            clock.set(notice.nextAttemptAt);
        }

        Notice notice = noticesOf(version).get(0);
        assertThat(notice.status).isEqualTo(NoticeStatus.FAILED);
        assertThat(notice.attempts).isEqualTo(config.maxAttempts());
        assertThat(delays.get(1)).isGreaterThan(delays.get(0).multipliedBy(3).dividedBy(2));
        assertThat(delays.get(2)).isGreaterThan(delays.get(1).multipliedBy(3).dividedBy(2));
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofMinutes(66)));
    }

    @Test
    void noticesOfSomeoneWhoLeftAreCancelledNotSent() {
        subscribers.confirmed("leaving@customer.example");
        int version = publishAnAddition();
        Mailbox.clear();
        String manage = subscriberRepository.findByEmail("leaving@customer.example").map(s ->
                tokens.token(TokenService.Purpose.MANAGE, s.id, s.manageNonce)).orElseThrow();
        RestAssured.given().post("/api/v1/subscriptions/" + manage + "/unsubscribe").then().statusCode(200);

        delivery.deliverDue();

        assertThat(Mailbox.all()).isEmpty();
        assertThat(noticesOf(version)).extracting(notice -> notice.status).containsOnly(NoticeStatus.CANCELLED);
    }

    @Test
    void aStoppingInstanceClaimsNothingAndWhatItGivesBackGoesOutAtOnce() {
        subscribers.many(3, "stopping");
        int version = publishAnAddition();
        DeliveryService leaving = new DeliveryService(notices, subscriberRepository, objections, versions, tokens, mails,
                sender, config, injectedClock, new InstanceIdentity(), metrics, recorder, invites, objectionService, contracts);
        leaving.stop();
        assertThat(leaving.deliverDue().claimed()).isZero();

        Instant now = clock.instant();
        List<ClaimedNotice> held = QuarkusTransaction.requiringNew().call(() ->
                notices.claim("leaving-instance", now, now.plus(Duration.ofMinutes(2)), 10));
        int released = QuarkusTransaction.requiringNew().call(() ->
                notices.release("leaving-instance", held.stream().map(ClaimedNotice::id).toList()));
        assertThat(released).isEqualTo(3);
        assertThat(noticesOf(version)).allSatisfy(notice -> {
            assertThat(notice.status).isEqualTo(NoticeStatus.QUEUED);
            assertThat(notice.attempts).isZero();
        });

        assertThat(delivery.deliverDue().claimed()).as("no lease to wait for").isEqualTo(3);
        assertThat(Mailbox.awaitAll(3)).hasSize(3);
    }

    @Test
    void deliveriesShowInTheMetrics() {
        double before = sentAnnouncements();
        subscribers.many(2, "metrics");
        publishAnAddition();
        Mailbox.awaitAll(2);

        assertThat(sentAnnouncements()).isEqualTo(before + 2);
        assertThat(RestAssured.get("/q/metrics").asString())
                .contains("registry_notice_send_seconds_count").contains("registry_publishes_total")
                .contains("registry_notice_queue_depth{status=\"queued\"}");
    }

    private static double sentAnnouncements() {
        return RestAssured.get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("registry_notices_total{") && line.contains("kind=\"announcement\"")
                        && line.contains("outcome=\"sent\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void deliverUntilSettled() {
        for (int round = 0; round < 3; round++) {
            delivery.deliverDue();
            clock.advance(Duration.ofHours(2));
        }
    }

    private int publishAnAddition() {
        Api.addToDraft(Entries.named("Postmark " + System.nanoTime()));
        LocalDate effective = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(31);
        return Api.publishOrFail(effective, "Adds a mail provider");
    }

    private List<Notice> noticesOf(int version) {
        return QuarkusTransaction.requiringNew().call(() -> notices.ofVersion(version));
    }

    /** One recipient per notice that arrived (a retried send that had arrived after all is one notice, one Message-ID). */
    private static List<String> recipientsOfAll() {
        return Mailbox.distinct(Mailbox.all()).stream().map(DeliveryTest::firstRecipient).collect(Collectors.toList());
    }

    private static String firstRecipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
