package io.subregistry.registry.version;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Withdraws the newest version before it takes effect: a deal that fell through, or the way
 * cleared for an emergency. The version stays published and in the hash chain; the withdrawal
 * is its own append-only record, and observers tell whoever was told of the version.
 */
@ApplicationScoped
public class WithdrawalService {

    private final PublishableDraft draft;
    private final VersionRepository versions;
    private final VersionQueries queries;
    private final AuditLog audit;
    private final Event<VersionWithdrawn> withdrawn;
    private final Clock clock;

    public WithdrawalService(PublishableDraft draft, VersionRepository versions, VersionQueries queries, AuditLog audit,
                             Event<VersionWithdrawn> withdrawn, Clock clock) {
        this.draft = draft;
        this.versions = versions;
        this.queries = queries;
        this.audit = audit;
        this.withdrawn = withdrawn;
        this.clock = clock;
    }

    /** Why a version cannot be withdrawn now, or null when it can. */
    public String refusal(VersionHeader version) {
        Instant now = Instant.now(clock);
        if (version.isWithdrawn()) {
            return "version " + version.number() + " was already withdrawn";
        }
        if (version.isEffectiveAt(now)) {
            return "version " + version.number() + " is already in effect; publish a new version to change the list";
        }
        if (queries.latest().filter(latest -> latest.number() != version.number()).isPresent()) {
            return "version " + version.number() + " is not the newest version; withdraw the newer one first";
        }
        return null;
    }

    @Transactional
    public VersionHeader withdraw(int number, String reason, String actor) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        // Publishes hold this lock too: no version can be published on top while this one goes.
        draft.rebase(actor, now);
        Version version = versions.findByIdOptional(number).orElse(null);
        VersionHeader header = queries.require(number);
        if (version == null) {
            throw new ConflictException("version " + number + " is not visible yet; try again");
        }
        String refused = versions.withdrawals().containsKey(number) ? "version " + number + " was already withdrawn"
                : version.isEffectiveAt(now) ? "version " + number + " is already in effect; publish a new version to"
                + " change the list"
                : versions.latest().filter(latest -> latest.number != number).isPresent()
                ? "version " + number + " is not the newest version; withdraw the newer one first" : null;
        if (refused != null) {
            throw new ConflictException(refused);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("give the reason for the withdrawal; it is sent to subscribers");
        }
        VersionHeader.Withdrawal withdrawal = new VersionHeader.Withdrawal(now, actor, reason.strip());
        versions.insertWithdrawal(number, withdrawal);
        VersionHeader result = VersionHeader.of(version, withdrawal);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", withdrawal.reason());
        details.put("wouldHaveTakenEffect", header.effectiveAt().toString());
        audit.record(actor, AuditAction.VERSION_WITHDRAWN, "version " + number, details);
        withdrawn.fire(new VersionWithdrawn(result));
        return result;
    }
}
