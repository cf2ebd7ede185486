package io.subregistry.registry.version;

import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;
import io.subregistry.registry.version.EffectiveAt.AtInstant;
import io.subregistry.registry.version.EffectiveAt.OnDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EffectiveAtTest {

    private static final Instant NOW = Instant.parse("2026-02-02T10:15:30Z");

    @Test
    void anIsoDateIsADate() {
        assertThat(EffectiveAt.parse("2026-02-02")).isEqualTo(new OnDate(LocalDate.of(2026, 2, 2)));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(EffectiveAt.parse("  2026-02-02 \n")).isEqualTo(new OnDate(LocalDate.of(2026, 2, 2)));
    }

    @Test
    void anInstantInUtcIsThatInstant() {
        assertThat(EffectiveAt.parse("2026-02-02T09:00:00Z")).isEqualTo(new AtInstant(Instant.parse("2026-02-02T09:00:00Z")));
    }

    @Test
    void anInstantWithAnOffsetIsConvertedToUtc() {
        assertThat(EffectiveAt.parse("2026-02-02T10:00:00+01:00"))
                .isEqualTo(new AtInstant(Instant.parse("2026-02-02T09:00:00Z")));
        assertThat(EffectiveAt.parse("2026-02-02T04:00:00-05:00"))
                .isEqualTo(new AtInstant(Instant.parse("2026-02-02T09:00:00Z")));
    }

    @Test
    void fractionsOfASecondAreKept() {
        assertThat(EffectiveAt.parse("2026-02-02T09:00:00.250Z"))
                .isEqualTo(new AtInstant(Instant.parse("2026-02-02T09:00:00.250Z")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tomorrow", "2026-02-30", "2026-13-01", "02/02/2026", "2026-02-02T09:00:00",
            "2026-02-02 09:00:00Z", "20260202", "2026-2-2", "1770022800"})
    void anythingElseIsInvalidInputAboutEffectiveAt(String junk) {
        assertThatThrownBy(() -> EffectiveAt.parse(junk))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.ofField("effectiveAt", "expected an ISO date or instant")))
                .hasMessageContaining("is neither an ISO date (2026-02-02) nor an instant");
    }

    @Test
    void aLongInvalidValueIsShortenedInTheMessage() {
        String junk = "x".repeat(500);

        assertThatThrownBy(() -> EffectiveAt.parse(junk))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + "x".repeat(40) + "…'")
                .hasMessageNotContaining("x".repeat(41));
    }

    @Test
    void todaysDateResolvesToNow() {
        assertThat(new OnDate(LocalDate.of(2026, 2, 2)).resolve(ZoneOffset.UTC, NOW)).isEqualTo(NOW);
    }

    @Test
    void todayIsJudgedInTheRegistrysZone() {
        // noon UTC on Feb 2 is already 01:00 on Feb 3 in Auckland: there Feb 3 is today and Feb 2 is yesterday
        ZoneId auckland = ZoneId.of("Pacific/Auckland");

        assertThat(new OnDate(LocalDate.of(2026, 2, 3)).resolve(auckland, Instant.parse("2026-02-02T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-02T12:00:00Z"));
        assertThat(new OnDate(LocalDate.of(2026, 2, 2)).resolve(auckland, Instant.parse("2026-02-02T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-01T11:00:00Z"));
    }

    @Test
    void anotherDateResolvesToTheStartOfThatDayInTheZone() {
        OnDate date = new OnDate(LocalDate.of(2026, 3, 5));

        assertThat(date.resolve(ZoneOffset.UTC, NOW)).isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(date.resolve(ZoneId.of("Europe/Berlin"), NOW)).isEqualTo(Instant.parse("2026-03-04T23:00:00Z"));
        assertThat(new OnDate(LocalDate.of(2026, 7, 1)).resolve(ZoneId.of("Europe/Berlin"), NOW))
                .isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    }

    @Test
    void anInstantResolvesToItselfInAnyZone() {
        AtInstant instant = new AtInstant(Instant.parse("2026-02-02T09:00:00Z"));

        assertThat(instant.resolve(ZoneId.of("Asia/Tokyo"), NOW)).isEqualTo(Instant.parse("2026-02-02T09:00:00Z"));
    }
}
