package io.subregistry.notice.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.subregistry.notice.ClaimedNotice;
import io.subregistry.notice.ContactTerms;
import io.subregistry.notice.NoticeConfig;
import io.subregistry.notice.NoticeKind;
import io.subregistry.notice.NoticeMetrics;
import io.subregistry.notice.NoticeRepository;
import io.subregistry.notice.Subscriber;
import io.subregistry.notice.SubscriberRepository;
import io.subregistry.notice.TokenService;
import io.subregistry.notice.TokenService.Purpose;
import io.subregistry.notice.delivery.OutcomeRecorder.Failure;
import io.subregistry.notice.mail.NoticeMails;
import io.subregistry.notice.mail.VersionBrief;
import io.subregistry.notice.objection.ObjectionRepository;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.security.InviteService;
import io.subregistry.platform.InstanceIdentity;
import io.subregistry.registry.Section;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Sends due notices: claims a bounded batch under a lease, builds each mail, sends them over the
 * mailer's connection pool a few at a time, and records every outcome — only while this
 * instance still holds the lease, so a notice another instance took over is never recorded twice.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final NoticeRepository notices;
    private final SubscriberRepository subscribers;
    private final ObjectionRepository objections;
    private final VersionQueries versions;
    private final TokenService tokens;
    private final NoticeMails mails;
    private final SmtpSender sender;
    private final NoticeConfig config;
    private final Clock clock;
    private final String owner;
    private final Backoff backoff;
    private final NoticeMetrics metrics;
    private final OutcomeRecorder recorder;
    private final InviteService invites;
    private final ObjectionService objectionService;
    private final ContactTerms contracts;
    /** Runs a batch's sends and recording beside the claiming of the next (Quarkus's worker pool). */
    private final Executor background = Infrastructure.getDefaultWorkerPool();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Held for a whole round, so that a graceful stop can wait for the round in hand. */
    private final ReentrantLock round = new ReentrantLock();

    public DeliveryService(NoticeRepository notices, SubscriberRepository subscribers, ObjectionRepository objections,
                           VersionQueries versions, TokenService tokens, NoticeMails mails, SmtpSender sender,
                           NoticeConfig config, Clock clock, InstanceIdentity instance, NoticeMetrics metrics,
                           OutcomeRecorder recorder, InviteService invites, ObjectionService objectionService,
                           ContactTerms contracts) {
        this.notices = notices;
        this.subscribers = subscribers;
        this.objections = objections;
        this.versions = versions;
        this.tokens = tokens;
        this.mails = mails;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.owner = instance.name();
        this.backoff = new Backoff(config.retryBaseDelay(), config.retryMaxDelay(), config.maxAttempts());
        this.metrics = metrics;
        this.recorder = recorder;
        this.invites = invites;
        this.objectionService = objectionService;
        this.contracts = contracts;
    }

    /** What one round did. */
    public record Round(int claimed, int sent, int retrying, int failed, int cancelled, int released) {
        static final Round NOTHING = new Round(0, 0, 0, 0, 0, 0);

        public Round plus(Round other) {
            return new Round(claimed + other.claimed, sent + other.sent, retrying + other.retrying,
                    failed + other.failed, cancelled + other.cancelled, released + other.released);
        }
    }

    /**
     * Rounds until nothing is due or the time budget is spent, as a pipeline: while one batch is on
     * the wire, the next one is claimed and built, and the one before is recorded. So the
     * database work of a round (claim, token hashes, reads, recording) no longer adds to its SMTP
     * time. At most two batches are claimed and unrecorded at once.
     *
     * <p>A round's batches start small and double up to {@code batch-size}: the wire waits for
     * the first batch to be claimed and built, and a large first batch kept it idle for a second
     * or more after a publish; a small one is on the wire at once, and the next, twice as large,
     * is built while it is sent.</p>
     */
    public Round deliverDue() {
        round.lock();
        try {
            return rounds();
        } finally {
            round.unlock();
        }
    }

    /**
     * Starts a round on the caller's thread unless one is running on this instance (it takes
     * up what is due anyway); for a wake-up right after a publish, without waiting for the schedule.
     */
    public Round deliverDueUnlessBusy() {
        if (!round.tryLock()) {
            return Round.NOTHING;
        }
        try {
            return rounds();
        } finally {
            round.unlock();
        }
    }

    private Round rounds() {
        Instant until = Instant.now(clock).plus(config.dispatchBudget());
        int size = firstBatchSize();
        Round total = Round.NOTHING;
        Batch batch = stopping.get() ? Batch.NONE : prepare(size);
        CompletableFuture<Round> recording = CompletableFuture.completedFuture(Round.NOTHING);
        while (!batch.isEmpty()) {
            Batch current = batch;
            CompletableFuture<List<SendOutcome>> sending = CompletableFuture.supplyAsync(() -> send(current.toSend()), background);
            Batch next = Batch.NONE;
            try {
                if (!stopping.get() && Instant.now(clock).isBefore(until)) {
                    size = Math.min(2 * size, config.batchSize());
                    next = prepare(size);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Notice delivery: could not claim the next batch (%s); finishing the one in hand", e.toString());
            }
            List<SendOutcome> outcomes = sending.join();
            try {
                total = total.plus(recording.join());
            } catch (CompletionException e) {
                // the round stops; what is in hand is recorded or given back before the failure goes up
                record(current, outcomes);
                giveBack(next);
                throw unwrap(e);
            }
            recording = CompletableFuture.supplyAsync(() -> record(current, outcomes), background);
            batch = next;
        }
        try {
            return total.plus(recording.join());
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** Two rounds of the wire's worth of mails, so that the first batch is built in a moment. */
    private int firstBatchSize() {
        return Math.max(1, Math.min(config.batchSize(), 2 * config.sendConcurrency()));
    }

    /** A claimed batch: the mails to send, and how many notices were cancelled instead. */
    private record Batch(List<ClaimedNotice> claimed, List<Prepared> toSend, int cancelled) {
        static final Batch NONE = new Batch(List.of(), List.of(), 0);

        boolean isEmpty() {
            return claimed.isEmpty();
        }
    }

    /** Claims a batch of up to {@code size}, cancels what is no longer wanted and builds the mails of the rest. */
    private Batch prepare(int size) {
        Instant now = Instant.now(clock);
        List<ClaimedNotice> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> claim(now, size));
        } catch (SignalledWhileClaiming rolledBack) {
            return Batch.NONE;
        }
        if (claimed.isEmpty()) {
            return Batch.NONE;
        }
        Map<UUID, Subscriber> recipients = QuarkusTransaction.requiringNew().call(() -> subscribersOf(claimed));
        Map<String, UUID> objected = QuarkusTransaction.requiringNew().call(() -> objectionsOf(claimed));
        Map<ContactTerms.Key, ContactTerms.Terms> terms = QuarkusTransaction.requiringNew()
                .call(() -> termsOf(claimed, recipients));
        Map<Integer, VersionBrief> briefs = new HashMap<>();
        NoticeMails.Batch rendering = mails.batch();
        List<Prepared> toSend = new ArrayList<>();
        List<UUID> cancelled = new ArrayList<>();
        Map<UUID, String> cancelReasons = new HashMap<>();
        for (ClaimedNotice notice : claimed) {
            Subscriber subscriber = notice.subscriberId() == null ? null : recipients.get(notice.subscriberId());
            ContactTerms.Terms contract = subscriber == null || subscriber.customerId == null || notice.versionNumber() == null
                    ? null : terms.get(new ContactTerms.Key(subscriber.customerId, notice.versionNumber()));
            String reason = whyNotSend(notice, subscriber, objected, contract, now);
            if (reason != null) {
                cancelled.add(notice.id());
                cancelReasons.put(notice.id(), reason);
                continue;
            }
            toSend.add(new Prepared(notice, build(notice, subscriber, contract, briefs, rendering)));
        }
        if (!cancelled.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> cancelled.stream()
                    .collect(Collectors.groupingBy(cancelReasons::get))
                    .forEach((reason, ids) -> notices.cancel(owner, ids, reason)));
        }
        return new Batch(claimed, toSend, cancelled.size());
    }

    /** Gives a claimed, unsent batch back to the queue. */
    private void giveBack(Batch batch) {
        if (!batch.isEmpty()) {
            try {
                record(batch, batch.toSend().stream().map(item -> SendOutcome.released(item.notice().id())).toList());
            } catch (RuntimeException e) {
                LOG.warnf("Notice delivery: a claimed batch could not be given back (%s); its lease runs out instead", e.toString());
            }
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    /** The first step of a graceful stop, taken as soon as the signal arrives: no new claims, no new sends. */
    public void stopClaiming() {
        if (!stopping.getAndSet(true)) {
            LOG.info("Stopping: no more notices will be claimed; unsent ones go back to the queue");
        }
    }

    /**
     * Graceful shutdown: claims no more work, lets mails already on the wire finish, gives the
     * batch's unsent notices back to the queue (another instance takes them at once), and waits
     * for that up to the grace period, so that nothing this instance held is lost or sent twice.
     */
    public void stop() {
        stopClaiming();
        try {
            if (round.tryLock(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                round.unlock();
            } else {
                LOG.warn("A notice round was still running when the shutdown grace period ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ClaimedNotice> claim(Instant now, int size) {
        List<ClaimedNotice> claimed = notices.claim(owner, now, now.plus(config.lease()), size);
        List<ClaimedNotice> withLinks = claimed.stream().filter(notice -> notice.kind().carriesObjectionLink()).toList();
        if (!withLinks.isEmpty()) {
            notices.storeTokenHashes(withLinks.stream().map(ClaimedNotice::id).toList(),
                    withLinks.stream().map(notice -> TokenService.hash(objectionToken(notice))).toList());
        }
        if (stopping.get()) {
            // The signal came while this claim ran (the round checked before it started): roll the
            // claim back instead of committing rows that would only be given back again.
            throw new SignalledWhileClaiming();
        }
        return claimed;
    }

    /** Rolls back a claim that a stop signal overtook; never leaves {@link #prepare}. */
    private static final class SignalledWhileClaiming extends RuntimeException {
        SignalledWhileClaiming() {
            super("stopping", null, false, false);
        }
    }

    private Map<UUID, Subscriber> subscribersOf(List<ClaimedNotice> claimed) {
        List<UUID> ids = claimed.stream().map(ClaimedNotice::subscriberId).filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return subscribers.list("id in ?1", ids).stream()
                .peek(subscribers.getEntityManager()::detach)
                .collect(Collectors.toMap(subscriber -> subscriber.id, subscriber -> subscriber));
    }

    /** Subscribers who objected to a version, keyed "subscriber/version": they get no reminder. */
    private Map<String, UUID> objectionsOf(List<ClaimedNotice> claimed) {
        List<ClaimedNotice> reminders = claimed.stream().filter(notice -> notice.kind() == NoticeKind.REMINDER).toList();
        Map<String, UUID> objected = new HashMap<>();
        if (reminders.isEmpty()) {
            return objected;
        }
        objections.list("subscriberId in ?1 and versionNumber in ?2",
                        reminders.stream().map(ClaimedNotice::subscriberId).distinct().toList(),
                        reminders.stream().map(ClaimedNotice::versionNumber).distinct().toList())
                .forEach(objection -> objected.put(objection.subscriberId + "/" + objection.versionNumber, objection.id));
        return objected;
    }

    /** The contract terms of the notices to customers' contacts. */
    private Map<ContactTerms.Key, ContactTerms.Terms> termsOf(List<ClaimedNotice> claimed, Map<UUID, Subscriber> recipients) {
        List<ContactTerms.Key> keys = claimed.stream()
                .filter(notice -> notice.versionNumber() != null && notice.subscriberId() != null
                        && recipients.get(notice.subscriberId()).customerId != null)
                .map(notice -> new ContactTerms.Key(recipients.get(notice.subscriberId()).customerId, notice.versionNumber()))
                .distinct().toList();
        return keys.isEmpty() ? Map.of() : contracts.of(keys);
    }

    private String whyNotSend(ClaimedNotice notice, Subscriber subscriber, Map<String, UUID> objected,
                              ContactTerms.Terms contract, Instant now) {
        if (notice.kind() == NoticeKind.INVITE) {
            return invites.mailOf(notice.inviteId()).isPresent() ? null : "the invitation was used or expired";
        }
        if (notice.kind() == NoticeKind.OBJECTION_RECEIVED || notice.kind() == NoticeKind.OBJECTION_RESOLVED) {
            // an answer to the subscriber's own objection: it goes out even after unsubscribing
            return null;
        }
        if (notice.kind() == NoticeKind.CONFIRMATION) {
            if (subscriber.status != Subscriber.Status.PENDING || subscriber.confirmNonce == null) {
                return "no confirmation needed any more";
            }
            if (!subscriber.confirmExpiresAt.isAfter(now)) {
                return "the confirmation link expired before it could be sent";
            }
            return null;
        }
        if (subscriber.status != Subscriber.Status.CONFIRMED) {
            return "unsubscribed";
        }
        if (notice.kind() == NoticeKind.REMINDER && objected.containsKey(key(notice))) {
            return "objected already";
        }
        if (notice.kind() == NoticeKind.ACK_REMINDER && (contract == null || contract.acknowledgedAt() != null)) {
            return "acknowledged already";
        }
        if (notice.kind().carriesObjectionLink() && versions.require(notice.versionNumber()).isWithdrawn()) {
            return "the version was withdrawn";
        }
        return null;
    }

    private Mail build(ClaimedNotice notice, Subscriber subscriber, ContactTerms.Terms contract,
                       Map<Integer, VersionBrief> briefs, NoticeMails.Batch rendering) {
        if (notice.kind() == NoticeKind.INVITE) {
            InviteService.InviteMail invite = invites.mailOf(notice.inviteId()).orElseThrow();
            return mails.invite(notice, invite.username(), invite.token(), invite.expiresAt());
        }
        String manageToken = tokens.token(Purpose.MANAGE, subscriber.id, subscriber.manageNonce);
        switch (notice.kind()) {
            case CONFIRMATION -> {
                return mails.confirmation(notice, subscriber, tokens.token(Purpose.CONFIRM, subscriber.id, subscriber.confirmNonce),
                        manageToken, currentSectionTitles());
            }
            case WELCOME -> {
                return mails.welcome(notice, subscriber, manageToken, currentSectionTitles());
            }
            case OBJECTION_RECEIVED, OBJECTION_RESOLVED -> {
                ObjectionService.MailFacts facts = objectionService.mailFacts(subscriber.id, notice.versionNumber());
                return mails.objection(notice, subscriber, manageToken, new NoticeMails.ObjectionFacts(facts.version(), facts.summary(),
                        facts.effectiveAt(), facts.subprocessors(), facts.reason(), facts.receivedAt(), facts.outcome(),
                        facts.resolutionNote(), tokens.token(Purpose.NOTICE, facts.noticeId(), facts.noticeId())));
            }
            default -> {
                // a notice about a version's changes, below
            }
        }
        if (notice.kind() == NoticeKind.CONTACT_REGISTERED) {
            return mails.contactRegistered(notice, subscriber, manageToken);
        }
        VersionBrief brief = briefs.computeIfAbsent(notice.versionNumber(), this::brief);
        return rendering.notice(notice, subscriber, brief, new NoticeMails.Links(manageToken, objectionToken(notice)),
                contract);
    }

    /** The section titles of the latest version, for mails that name what a subscriber follows. */
    private Map<String, String> currentSectionTitles() {
        return versions.latest().map(latest -> versions.snapshot(latest.number()).sections().stream()
                        .collect(Collectors.toMap(Section::key, Section::title, (first, second) -> first)))
                .orElse(Map.of());
    }

    private VersionBrief brief(int number) {
        VersionHeader header = versions.require(number);
        Map<String, String> titles = new HashMap<>();
        versions.snapshot(number).sections().forEach(section -> titles.put(section.key(), section.title()));
        Integer previous = versions.standingBefore(number).map(VersionHeader::number).orElse(null);
        if (previous != null) {
            for (Section section : versions.snapshot(previous).sections()) {
                titles.putIfAbsent(section.key(), section.title());
            }
        }
        return new VersionBrief(header, versions.changesOf(number).stream().map(RecordedChange::change).toList(), titles,
                previous);
    }

    private record Prepared(ClaimedNotice notice, Mail mail) {
    }

    /** Sends (see {@link SmtpSender}); a send that could outlive its lease is not attempted. */
    private List<SendOutcome> send(List<Prepared> prepared) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        return sender.send(prepared.stream()
                .map(item -> new SmtpSender.Outgoing(item.notice().id(), mails.messageId(item.notice()), item.mail(),
                        item.notice().leaseExpiresAt()))
                .toList(), stopping::get);
    }

    private Round record(Batch batch, List<SendOutcome> outcomes) {
        List<ClaimedNotice> claimed = batch.claimed();
        int cancelled = batch.cancelled();
        Map<UUID, ClaimedNotice> byId = claimed.stream().collect(Collectors.toMap(ClaimedNotice::id, notice -> notice));
        Instant now = Instant.now(clock);
        List<NoticeRepository.Sent> sent = new ArrayList<>();
        List<UUID> released = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<UUID, String> states = new HashMap<>();
        for (SendOutcome outcome : outcomes) {
            if (outcome.isDelivered()) {
                sent.add(new NoticeRepository.Sent(outcome.notice(), now, outcome.messageId()));
                states.put(outcome.notice(), "sent");
            } else if (outcome.isReleased()) {
                released.add(outcome.notice());
                states.put(outcome.notice(), "released");
            } else {
                Instant retryAt = outcome.permanent() ? null
                        : backoff.next(outcome.notice(), byId.get(outcome.notice()).attempts(), now);
                Failure failure = new Failure(outcome.notice(), outcome.error(), retryAt);
                failures.add(failure);
                states.put(outcome.notice(), failure.isFinal() ? "failed" : "retried");
            }
        }
        recorder.record(owner, new OutcomeRecorder.Outcomes(sent, released, failures),
                Instant.now().plus(config.recordRetry()));
        states.forEach((notice, state) -> metrics.count(byId.get(notice).kind(), state, 1));
        long failed = failures.stream().filter(Failure::isFinal).count();
        long retrying = failures.size() - failed;
        if (!failures.isEmpty()) {
            LOG.warnf("Notice delivery: %d sent, %d to retry, %d failed for good", sent.size(), retrying, failed);
        }
        return new Round(claimed.size(), sent.size(), (int) retrying, (int) failed, cancelled, released.size());
    }

    private String objectionToken(ClaimedNotice notice) {
        return tokens.token(Purpose.NOTICE, notice.id(), notice.id());
    }

    private static String key(ClaimedNotice notice) {
        return notice.subscriberId() + "/" + notice.versionNumber();
    }
}
