package io.subregistry.notice;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.notice.TokenService.Purpose;
import io.subregistry.platform.ReadableDates;
import io.subregistry.platform.i18n.Language;
import io.subregistry.platform.error.GoneException;
import io.subregistry.platform.error.RegistryException.Violation;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.platform.error.RuleViolationException;
import io.subregistry.registry.Section;
import io.subregistry.registry.version.VersionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Double opt-in subscriptions. Whatever state an address is in, a subscription request
 * answers the same (no one can learn who subscribed); only a confirmation mail is ever sent
 * to an address that has not confirmed, and at most one per cooldown.
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriberRepository subscribers;
    private final NoticeRepository notices;
    private final TokenService tokens;
    private final VersionQueries versions;
    private final AuditLog audit;
    private final NoticeConfig config;
    private final NoticeMetrics metrics;
    private final Clock clock;

    public SubscriptionService(SubscriberRepository subscribers, NoticeRepository notices, TokenService tokens,
                               VersionQueries versions, AuditLog audit, NoticeConfig config, NoticeMetrics metrics,
                               Clock clock) {
        this.subscribers = subscribers;
        this.notices = notices;
        this.tokens = tokens;
        this.versions = versions;
        this.audit = audit;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Answers every request the same way. A new address is inserted with {@code on conflict do
     * nothing}, so that parallel requests for it wait for each other in the database instead of
     * failing on its unique index; the row is then locked, and whoever created it sends the one
     * confirmation while the others find it within the cooldown.
     */
    @Transactional
    public void subscribe(SubscriptionRequest request) {
        requireKnownSections(request.sections());
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        UUID manageNonce = UUID.randomUUID();
        boolean created = subscribers.insertPendingIfNew(id, request.email(), now, manageNonce,
                TokenService.hash(tokens.token(Purpose.MANAGE, id, manageNonce)));
        Subscriber subscriber = subscribers.lockByEmail(request.email()).orElseThrow();
        if (created) {
            apply(subscriber, request);
            sendConfirmation(subscriber, now);
            return;
        }
        switch (subscriber.status) {
            case CONFIRMED -> {
                // Already subscribed: nothing to do, and nothing that would tell the caller so.
            }
            case PENDING -> {
                if (cooledDown(subscriber, now)) {
                    apply(subscriber, request);
                    sendConfirmation(subscriber, now);
                }
            }
            case UNSUBSCRIBED -> {
                if (cooledDown(subscriber, now)) {
                    subscriber.status = Subscriber.Status.PENDING;
                    rotateManageLink(subscriber);
                    apply(subscriber, request);
                    sendConfirmation(subscriber, now);
                }
            }
        }
    }

    /**
     * Checks a confirmation link without using it (a GET shows the problem before the click):
     * the subscriber it would confirm, or the refusal {@link #confirm} would give.
     */
    @Transactional
    public SubscriptionView checkConfirmation(String token) {
        return SubscriptionView.of(confirmable(token, Instant.now(clock)));
    }

    /** Confirms by the token of the confirmation mail; the link works once, until it expires. Sends the welcome mail. */
    @Transactional
    public SubscriptionView confirm(String token) {
        Instant now = Instant.now(clock);
        Subscriber subscriber = confirmable(token, now);
        subscriber.status = Subscriber.Status.CONFIRMED;
        subscriber.confirmedAt = now;
        subscriber.unsubscribedAt = null;
        subscriber.confirmNonce = null;
        subscriber.confirmTokenHash = null;
        subscriber.confirmExpiresAt = null;
        subscribers.flush();
        notices.queueWelcome(subscriber.id, subscriber.email, now);
        notices.queueUpcomingFor(subscriber.id, now);
        audit.record("subscriber " + MaskedEmail.of(subscriber.email), AuditAction.SUBSCRIBER_CONFIRMED,
                subscriber.id.toString(), Map.of());
        return SubscriptionView.of(subscriber);
    }

    private Subscriber confirmable(String token, Instant now) {
        Subscriber subscriber = subscribers.findByConfirmToken(TokenService.hash(TokenService.requireWellFormed(token)))
                .orElseThrow(() -> new ResourceNotFoundException(
                        "this confirmation link is not valid or was already used"));
        if (subscriber.confirmExpiresAt != null && !subscriber.confirmExpiresAt.isAfter(now)) {
            throw new GoneException("this confirmation link expired on " + ReadableDates.readable(subscriber.confirmExpiresAt)
                    + "; subscribe again to get a new one");
        }
        return subscriber;
    }

    @Transactional
    public SubscriptionView manage(String token) {
        return SubscriptionView.of(byManageToken(token));
    }

    /** Changes what a confirmed subscriber follows; the language of their mails stays. */
    @Transactional
    public SubscriptionView update(String token, List<String> sections, String organisation) {
        return update(token, sections, organisation, null);
    }

    /**
     * Changes what a confirmed subscriber follows and, when {@code language} is given (an offered
     * language's tag), the language of their mails.
     */
    @Transactional
    public SubscriptionView update(String token, List<String> sections, String organisation, Language language) {
        Subscriber subscriber = byManageToken(token);
        if (subscriber.status != Subscriber.Status.CONFIRMED) {
            throw new RuleViolationException("this subscription is " + subscriber.status.name().toLowerCase()
                    + "; subscribe again to follow changes");
        }
        List<String> normalised = sections == null || sections.isEmpty() ? null : sections.stream().distinct().sorted().toList();
        requireKnownSections(normalised);
        subscriber.sections = normalised == null ? null : normalised.toArray(String[]::new);
        subscriber.organisation = organisation;
        if (language != null && !language.tag().equals(subscriber.language)) {
            audit.record("subscriber " + MaskedEmail.of(subscriber.email), AuditAction.SUBSCRIBER_LANGUAGE_CHANGED,
                    subscriber.id.toString(), Map.of("from", String.valueOf(subscriber.language), "to", language.tag()));
            subscriber.language = language.tag();
        }
        return SubscriptionView.of(subscriber);
    }

    /** Ends a subscription (RFC 8058 one-click or the manage page); no notice is sent to it afterwards. */
    @Transactional
    public SubscriptionView unsubscribe(String token) {
        Subscriber subscriber = byManageToken(token);
        if (subscriber.status != Subscriber.Status.UNSUBSCRIBED) {
            subscriber.status = Subscriber.Status.UNSUBSCRIBED;
            subscriber.unsubscribedAt = Instant.now(clock);
            subscriber.confirmNonce = null;
            subscriber.confirmTokenHash = null;
            // Notices still queued for this address are cancelled when their turn comes, never sent.
            audit.record("subscriber " + MaskedEmail.of(subscriber.email), AuditAction.SUBSCRIBER_UNSUBSCRIBED,
                    subscriber.id.toString(), Map.of());
        }
        return SubscriptionView.of(subscriber);
    }

    /** The subscriber a manage link belongs to. */
    Subscriber byManageToken(String token) {
        return subscribers.findByManageToken(TokenService.hash(TokenService.requireWellFormed(token)))
                .orElseThrow(() -> new ResourceNotFoundException("this link is not valid (any more)"));
    }

    public String manageToken(Subscriber subscriber) {
        return tokens.token(Purpose.MANAGE, subscriber.id, subscriber.manageNonce);
    }

    public String confirmToken(Subscriber subscriber) {
        return tokens.token(Purpose.CONFIRM, subscriber.id, subscriber.confirmNonce);
    }

    private void sendConfirmation(Subscriber subscriber, Instant now) {
        subscriber.confirmNonce = UUID.randomUUID();
        subscriber.confirmTokenHash = TokenService.hash(confirmToken(subscriber));
        subscriber.confirmExpiresAt = now.plus(config.confirmationExpiry());
        subscriber.lastConfirmationAt = now;
        subscribers.flush();
        notices.queueConfirmation(subscriber.id, subscriber.email, now);
        metrics.count(NoticeKind.CONFIRMATION, "queued", 1);
    }

    private boolean cooledDown(Subscriber subscriber, Instant now) {
        return subscriber.lastConfirmationAt == null
                || !subscriber.lastConfirmationAt.plus(config.confirmationCooldown()).isAfter(now);
    }

    private void rotateManageLink(Subscriber subscriber) {
        subscriber.manageNonce = UUID.randomUUID();
        subscriber.manageTokenHash = TokenService.hash(tokens.token(Purpose.MANAGE, subscriber.id, subscriber.manageNonce));
    }

    private static void apply(Subscriber subscriber, SubscriptionRequest request) {
        subscriber.organisation = request.organisation();
        subscriber.language = request.language();
        subscriber.sections = request.sections() == null ? null : request.sections().toArray(String[]::new);
    }

    private void requireKnownSections(List<String> requested) {
        if (requested == null) {
            return;
        }
        Set<String> known = versions.latest()
                .map(latest -> versions.snapshot(latest.number()).sections().stream().map(Section::key).collect(Collectors.toSet()))
                .orElse(Set.of());
        List<String> unknown = requested.stream().filter(key -> !known.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("unknown section(s) " + unknown + "; known: " + known.stream().sorted().toList(),
                    List.of(Violation.ofField("sections", "unknown section")));
        }
    }
}
