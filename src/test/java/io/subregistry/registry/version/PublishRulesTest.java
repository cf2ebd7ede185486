package io.subregistry.registry.version;

import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.Diff;
import io.subregistry.diff.FieldChange;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.RuleViolationException;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.version.PublishRules.Decision;
import io.subregistry.registry.version.PublishRules.Previous;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PublishRules RULES = new PublishRules(Duration.ofDays(30), ZoneOffset.UTC);
    /** 30 days later is 2026-03-04T10:15:30Z, so the first whole day of notice is 2026-03-05. */
    private static final Instant NOW = Instant.parse("2026-02-02T10:15:30.123456Z");
    private static final Optional<Previous> PREVIOUS = Optional.of(new Previous(3, Instant.parse("2026-01-15T00:00:00Z")));

    private static final Diff NOTHING = new Diff(List.of());
    private static final Diff ADDITION = diff(change(ChangeType.ADDED, "Gong.io"));
    private static final Diff REMOVAL = diff(change(ChangeType.REMOVED, "Zapier"));
    private static final Diff MODIFICATION = diff(new Change(ChangeType.MODIFIED, new UUID(0, 9), "Sentry", "product",
            null, List.of(new FieldChange("location", "EU", "USA")), null));

    // ------------------------------------------------------------------ something to publish

    @Test
    void aDraftWithoutChangesIsAConflictNamingThePreviousVersion() {
        assertThatThrownBy(() -> RULES.decide(NOTHING, PREVIOUS, command("2026-03-10"), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("no changes since version 3");
    }

    @Test
    void anEmptyFirstDraftIsAConflict() {
        assertThatThrownBy(() -> RULES.decide(NOTHING, Optional.empty(), command("2026-03-10"), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("the draft is empty");
    }

    // ------------------------------------------------------------------ effective dates

    @Test
    void aDateInThePastIsRefused() {
        assertThatThrownBy(() -> RULES.decide(REMOVAL, PREVIOUS, command("2026-02-01"), NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("in the past")
                .hasMessageContaining("2026-02-02");
    }

    @Test
    void anInstantASecondAgoIsRefused() {
        assertThatThrownBy(() -> RULES.decide(REMOVAL, PREVIOUS, command("2026-02-02T10:15:29Z"), NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("in the past");
    }

    @Test
    void todaysDateMeansNow() {
        Decision decision = RULES.decide(REMOVAL, PREVIOUS, command("2026-02-02"), NOW);

        assertThat(decision.effectiveAt()).isEqualTo(Instant.parse("2026-02-02T10:15:30.123Z"));
    }

    @Test
    void aLaterDateMeansTheStartOfThatDayInTheRegistrysZone() {
        PublishRules berlin = new PublishRules(Duration.ofDays(30), BERLIN);

        Decision decision = berlin.decide(REMOVAL, PREVIOUS, command("2026-02-10"), NOW);

        assertThat(decision.effectiveAt()).isEqualTo(Instant.parse("2026-02-09T23:00:00Z"));
    }

    @Test
    void aDateBeforeThePreviousVersionTakesEffectIsRefused() {
        Optional<Previous> upcoming = Optional.of(new Previous(4, Instant.parse("2026-03-10T00:00:00Z")));

        assertThatThrownBy(() -> RULES.decide(REMOVAL, upcoming, command("2026-03-09"), NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("before version 4 takes effect")
                .hasMessageContaining("never go backwards");
    }

    @Test
    void theSameMomentAsThePreviousVersionIsAllowed() {
        Optional<Previous> upcoming = Optional.of(new Previous(4, Instant.parse("2026-03-10T00:00:00Z")));

        Decision decision = RULES.decide(REMOVAL, upcoming, command("2026-03-10"), NOW);

        assertThat(decision.effectiveAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    // ------------------------------------------------------------------ notice for additions

    @Test
    void anAdditionWithTooLittleNoticeIsRefusedNamingTheEarliestDate() {
        assertThatThrownBy(() -> RULES.decide(ADDITION, PREVIOUS, command("2026-03-04"), NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Gong.io")
                .hasMessageContaining("30 days' notice")
                .hasMessageContaining("on 2026-03-05 at the earliest, not 2026-03-04")
                .hasMessageContaining("emergencyReason");
    }

    @Test
    void anAdditionOnTheEarliestDateIsAccepted() {
        Decision decision = RULES.decide(ADDITION, PREVIOUS, command("2026-03-05"), NOW);

        assertThat(decision).isEqualTo(new Decision(Instant.parse("2026-03-05T00:00:00Z"), 30, null));
    }

    @Test
    void anAdditionExactlyTheNoticePeriodFromNowIsAccepted() {
        Instant now = Instant.parse("2026-02-02T10:15:30.123Z");

        Decision decision = RULES.decide(ADDITION, PREVIOUS, command("2026-03-04T10:15:30.123Z"), now);

        assertThat(decision.effectiveAt()).isEqualTo(Instant.parse("2026-03-04T10:15:30.123Z"));
    }

    @Test
    void anAdditionOneMillisecondShortOfTheNoticeIsRefused() {
        Instant now = Instant.parse("2026-02-02T10:15:30.123Z");

        assertThatThrownBy(() -> RULES.decide(ADDITION, PREVIOUS, command("2026-03-04T10:15:30.122Z"), now))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void manyAdditionsAreNamedUpToFive() {
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            changes.add(change(ChangeType.ADDED, "Vendor " + i));
        }

        assertThatThrownBy(() -> RULES.decide(new Diff(changes), PREVIOUS, command("2026-02-10"), NOW))
                .hasMessageContaining("adds Vendor 1, Vendor 2, Vendor 3, Vendor 4, Vendor 5 and 2 more;");
    }

    @Test
    void anEmergencyReasonLetsAnAdditionThroughAndIsKept() {
        PublishCommand command = new PublishCommand(EffectiveAt.parse("2026-02-02"), "Add Gong.io",
                "  Security incident at the previous vendor  ", null, null);

        Decision decision = RULES.decide(ADDITION, PREVIOUS, command, NOW);

        assertThat(decision.emergencyReason()).isEqualTo("Security incident at the previous vendor");
        assertThat(decision.effectiveAt()).isEqualTo(Instant.parse("2026-02-02T10:15:30.123Z"));
    }

    @Test
    void aBlankEmergencyReasonIsNoEmergency() {
        PublishCommand command = new PublishCommand(EffectiveAt.parse("2026-02-10"), "Add Gong.io", "   ", null, null);

        assertThatThrownBy(() -> RULES.decide(ADDITION, PREVIOUS, command, NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at the earliest");
    }

    @Test
    void anEmergencyDoesNotAllowThePast() {
        PublishCommand command = new PublishCommand(EffectiveAt.parse("2026-02-01"), "Add Gong.io", "incident", null, null);

        assertThatThrownBy(() -> RULES.decide(ADDITION, PREVIOUS, command, NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("in the past");
    }

    @Test
    void theFirstVersionNeedsNoNotice() {
        Decision decision = RULES.decide(ADDITION, Optional.empty(), command("2026-02-02"), NOW);

        assertThat(decision).isEqualTo(new Decision(Instant.parse("2026-02-02T10:15:30.123Z"), 30, null));
    }

    @Test
    void removalsAndModificationsNeedNoNotice() {
        assertThat(RULES.decide(REMOVAL, PREVIOUS, command("2026-02-02"), NOW).effectiveAt())
                .isEqualTo(Instant.parse("2026-02-02T10:15:30.123Z"));
        assertThat(RULES.decide(MODIFICATION, PREVIOUS, command("2026-02-03"), NOW).effectiveAt())
                .isEqualTo(Instant.parse("2026-02-03T00:00:00Z"));
    }

    // ------------------------------------------------------------------ notice period

    @Test
    void aNoticePeriodBelowTheMinimumIsRefused() {
        PublishCommand command = new PublishCommand(EffectiveAt.parse("2026-03-10"), "s", null, 14, null);

        assertThatThrownBy(() -> RULES.decide(REMOVAL, PREVIOUS, command, NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("noticePeriodDays 14 is shorter than the minimum of 30 days");
    }

    @Test
    void aNoticePeriodBelowTheMinimumIsAllowedInAnEmergency() {
        PublishCommand command = new PublishCommand(EffectiveAt.parse("2026-02-05"), "s", "incident", 3, null);

        Decision decision = RULES.decide(ADDITION, PREVIOUS, command, NOW);

        assertThat(decision).isEqualTo(new Decision(Instant.parse("2026-02-05T00:00:00Z"), 3, "incident"));
    }

    @Test
    void aLongerNoticePeriodIsRequiredForAdditions() {
        PublishCommand tooSoon = new PublishCommand(EffectiveAt.parse("2026-03-05"), "s", null, 60, null);
        PublishCommand inTime = new PublishCommand(EffectiveAt.parse("2026-04-04"), "s", null, 60, null);

        assertThatThrownBy(() -> RULES.decide(ADDITION, PREVIOUS, tooSoon, NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("with 60 days' notice it can take effect on 2026-04-04 at the earliest");
        assertThat(RULES.decide(ADDITION, PREVIOUS, inTime, NOW).noticePeriodDays()).isEqualTo(60);
    }

    // ------------------------------------------------------------------ earliestDate

    @Test
    void earliestDateIsTheNextDayWhenTheNoticeEndsDuringADay() {
        assertThat(RULES.earliestDate(NOW)).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void earliestDateIsThatDayWhenTheNoticeEndsExactlyAtMidnight() {
        assertThat(RULES.earliestDate(Instant.parse("2026-02-02T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(RULES.earliestDate(Instant.parse("2026-02-02T00:00:00.000000001Z"))).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(RULES.earliestDate(Instant.parse("2026-02-01T23:59:59.999Z"))).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void earliestDateCountsDaysInTheRegistrysZone() {
        PublishRules berlin = new PublishRules(Duration.ofDays(30), BERLIN);
        Instant lateEvening = Instant.parse("2026-02-02T23:30:00Z");  // already 00:30 on Feb 3 in Berlin

        assertThat(RULES.earliestDate(lateEvening)).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(berlin.earliestDate(lateEvening)).isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void earliestDateAtMidnightInBerlinIsThatDay() {
        PublishRules berlin = new PublishRules(Duration.ofDays(30), BERLIN);

        assertThat(berlin.earliestDate(Instant.parse("2026-02-01T23:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(berlin.earliestDate(Instant.parse("2026-02-01T23:00:00.001Z"))).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void earliestDateTakesAnExplicitNoticePeriod() {
        assertThat(RULES.earliestDate(NOW, 0)).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(RULES.earliestDate(NOW, 1)).isEqualTo(LocalDate.of(2026, 2, 4));
        assertThat(RULES.earliestDate(NOW, 365)).isEqualTo(LocalDate.of(2027, 2, 3));
    }

    /**
     * Across daylight-saving changes the date must still be the first whose start is at least the
     * notice period away, and the date the refusal names must be accepted when given back.
     */
    @ParameterizedTest
    @CsvSource({
            "Europe/Berlin, 2026-02-27T22:59:59Z",
            "Europe/Berlin, 2026-02-28T23:30:00Z",
            "Europe/Berlin, 2026-03-01T22:30:00Z",
            "Europe/Berlin, 2026-09-30T22:30:00Z",
            "Europe/Berlin, 2026-10-01T21:30:00Z",
            "America/New_York, 2026-02-07T04:59:59Z",
            "America/New_York, 2026-10-05T03:00:00Z",
            "Australia/Lord_Howe, 2026-03-06T13:15:00Z",
            "Asia/Kolkata, 2026-02-02T18:29:59Z",
            "UTC, 2026-02-02T00:00:00Z",
    })
    void theEarliestDateIsTheFirstWholeDayOfNoticeAndIsAccepted(String zoneId, String nowText) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant now = Instant.parse(nowText);
        PublishRules rules = new PublishRules(Duration.ofDays(30), zone);
        Instant noticeEnds = now.plus(Duration.ofDays(30));

        LocalDate earliest = rules.earliestDate(now);

        assertThat(earliest.atStartOfDay(zone).toInstant()).isAfterOrEqualTo(noticeEnds);
        assertThat(earliest.minusDays(1).atStartOfDay(zone).toInstant()).isBefore(noticeEnds);
        assertThat(rules.decide(ADDITION, PREVIOUS, command(earliest.toString()), now).effectiveAt())
                .isEqualTo(earliest.atStartOfDay(zone).toInstant());
        assertThatThrownBy(() -> rules.decide(ADDITION, PREVIOUS, command(earliest.minusDays(1).toString()), now))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("on " + earliest + " at the earliest");
    }

    // ------------------------------------------------------------------ helpers

    private static PublishCommand command(String effectiveAt) {
        return new PublishCommand(EffectiveAt.parse(effectiveAt), "summary", null, null, null);
    }

    private static Change change(ChangeType type, String name) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        Subprocessor entry = new Subprocessor(id, name, "1 Example Street", "EU", "Hosting", null, null, null, null);
        return new Change(type, id, name, "product", null, null, entry);
    }

    private static Diff diff(Change... changes) {
        return new Diff(List.of(changes));
    }
}
