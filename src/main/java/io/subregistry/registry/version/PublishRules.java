package io.subregistry.registry.version;

import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.Diff;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.RuleViolationException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the DPA promises decide about a publish: there must be a change, effective dates never go
 * backwards or into the past, and a sub-processor may only be added with at least the notice
 * period's warning (GDPR Art. 28(2), SCC Clause 9(a)) unless it is declared an emergency.
 */
public final class PublishRules {

    private final Duration minimumNotice;
    private final ZoneId zone;

    public PublishRules(Duration minimumNotice, ZoneId zone) {
        this.minimumNotice = minimumNotice;
        this.zone = zone;
    }

    /** The previous version as far as the rules care. */
    public record Previous(int number, Instant effectiveAt) {
    }

    /** A publish the rules accept. */
    public record Decision(Instant effectiveAt, int noticePeriodDays, String emergencyReason) {
    }

    public Decision decide(Diff diff, Optional<Previous> previous, PublishCommand command, Instant now) {
        if (diff.isEmpty()) {
            throw new ConflictException(previous
                    .map(p -> "the draft has no changes since version " + p.number() + "; there is nothing to publish")
                    .orElse("the draft is empty; there is nothing to publish"));
        }
        Instant effective = command.effectiveAt().resolve(zone, now).truncatedTo(ChronoUnit.MILLIS);
        if (effective.isBefore(now.truncatedTo(ChronoUnit.MILLIS))) {
            throw new RuleViolationException("effectiveAt " + effective + " is in the past; a version takes effect today ("
                    + LocalDate.ofInstant(now, zone) + ") at the earliest");
        }
        previous.filter(p -> effective.isBefore(p.effectiveAt())).ifPresent(p -> {
            throw new RuleViolationException("effectiveAt " + effective + " is before version " + p.number()
                    + " takes effect (" + p.effectiveAt() + "); effective dates never go backwards. To publish sooner"
                    + " (an emergency), withdraw version " + p.number() + " first");
        });
        String emergency = blankToNull(command.emergencyReason());
        int noticeDays = command.noticePeriodDays() == null ? (int) minimumNotice.toDays() : command.noticePeriodDays();
        if (noticeDays < minimumNotice.toDays() && emergency == null) {
            throw new RuleViolationException("noticePeriodDays " + noticeDays + " is shorter than the minimum of "
                    + minimumNotice.toDays() + " days; give an emergencyReason to shorten it");
        }
        List<Change> additions = diff.ofType(ChangeType.ADDED);
        if (previous.isPresent() && !additions.isEmpty() && emergency == null) {
            Instant earliest = now.plus(Duration.ofDays(noticeDays));
            if (effective.isBefore(earliest)) {
                throw new RuleViolationException("the draft adds " + names(additions) + "; with " + noticeDays
                        + " days' notice it can take effect on " + earliestDate(now, noticeDays)
                        + " at the earliest, not " + LocalDate.ofInstant(effective, zone)
                        + ". Give an emergencyReason to publish sooner");
            }
        }
        return new Decision(effective, noticeDays, emergency);
    }

    /** The first date whose start lies at least the notice period after {@code now}. */
    public LocalDate earliestDate(Instant now, long noticeDays) {
        Instant earliest = now.plus(Duration.ofDays(noticeDays));
        LocalDate date = LocalDate.ofInstant(earliest, zone);
        return date.atStartOfDay(zone).toInstant().isBefore(earliest) ? date.plusDays(1) : date;
    }

    public LocalDate earliestDate(Instant now) {
        return earliestDate(now, minimumNotice.toDays());
    }

    private static String names(List<Change> additions) {
        String shown = additions.stream().limit(5).map(Change::name).collect(Collectors.joining(", "));
        return additions.size() > 5 ? shown + " and " + (additions.size() - 5) + " more" : shown;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
