package io.subregistry.platform.i18n;

import io.subregistry.platform.ReadableDates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @Test
    void aTagMeansItsPrimaryLanguageWhenOffered() {
        assertThat(Language.ofTag("de-CH")).contains(Language.DE);
        assertThat(Language.ofTag("FR")).contains(Language.FR);
        assertThat(Language.ofTag("en_GB")).contains(Language.EN);
        assertThat(Language.ofTag("it")).isEmpty();
        assertThat(Language.ofTag(" ")).isEmpty();
        assertThat(Language.ofTagOr("es", Language.DE)).isEqualTo(Language.DE);
    }

    @Test
    void acceptLanguageIsReadByItsWeights() {
        assertThat(Language.fromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7")).contains(Language.FR);
        assertThat(Language.fromAcceptLanguage("it, de;q=0.5, en;q=0.4")).contains(Language.DE);
        assertThat(Language.fromAcceptLanguage("en;q=0.2, de;q=0.9")).contains(Language.DE);
        assertThat(Language.fromAcceptLanguage("de;q=0, fr;q=0.1")).contains(Language.FR);
        assertThat(Language.fromAcceptLanguage("it, es")).isEmpty();
        assertThat(Language.fromAcceptLanguage("@@@;q=zz")).isEmpty();
        assertThat(Language.fromAcceptLanguage(null)).isEmpty();
    }

    @Test
    void aPagesLanguageIsTheExplicitChoiceThenTheBrowsers() {
        assertThat(Language.forReader("fr", "de")).isEqualTo(Language.FR);
        assertThat(Language.forReader("xx", "de-AT, en;q=0.5")).isEqualTo(Language.DE);
        assertThat(Language.forReader(null, null)).isEqualTo(Language.EN);
    }

    @Test
    void datesFollowTheLanguage() {
        LocalDate date = LocalDate.of(2027, 2, 1);
        assertThat(ReadableDates.readable(date, Language.EN)).isEqualTo("February 1, 2027");
        assertThat(ReadableDates.readable(date, Language.DE)).isEqualTo("1. Februar 2027");
        assertThat(ReadableDates.readable(date, Language.FR)).isEqualTo("1 février 2027");
        Instant moment = Instant.parse("2026-03-03T19:25:00Z");
        assertThat(ReadableDates.readable(moment)).isEqualTo("March 3, 2026, 19:25 UTC");
        assertThat(ReadableDates.readable(moment, Language.DE)).isEqualTo("3. März 2026, 19:25 UTC");
        assertThat(ReadableDates.readable(moment, Language.FR)).isEqualTo("3 mars 2026, 19:25 UTC");
    }
}
