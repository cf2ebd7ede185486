package io.subregistry.customer;

import io.subregistry.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract arithmetic and the customers CSV, without Quarkus. */
class NoticeTermsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void givenDaysAreWholeDaysRoundedDown() {
        assertThat(NoticeTerms.givenDays(PUBLISHED, Instant.parse("2026-04-02T00:00:00Z"))).isEqualTo(30);
        assertThat(NoticeTerms.givenDays(PUBLISHED, Instant.parse("2026-04-01T10:00:00Z"))).isEqualTo(30);
        assertThat(NoticeTerms.givenDays(PUBLISHED, PUBLISHED)).isZero();
    }

    @Test
    void aContractIsBreachedWhenItsDueDateIsBeforeThePublish() {
        Instant effective = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(NoticeTerms.dueBy(effective, 90)).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(NoticeTerms.breaches(PUBLISHED, effective, 90)).isFalse();
        assertThat(NoticeTerms.breaches(PUBLISHED, effective, 91)).isTrue();
    }

    @Test
    void csvLinesCarryNamedContactsAndSections() {
        List<CustomerCsv.Line> lines = CustomerCsv.parse("""
                name,reference,noticePeriodDays,objectionWindowDays,sections,contacts
                Hospital,H-1,90,14,product; support,Dana <dana@h.example.test>;ops@h.example.test
                """);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(2);
            assertThat(line.input().sections()).containsExactly("product", "support");
            assertThat(line.input().contacts()).extracting(ContactInput::email)
                    .containsExactly("dana@h.example.test", "ops@h.example.test");
            assertThat(line.input().contacts().get(0).name()).isEqualTo("Dana");
        });
    }

    @Test
    void aBadCsvNamesEveryWrongLine() {
        assertThatThrownBy(() -> CustomerCsv.parse("""
                name,reference,noticePeriodDays,objectionWindowDays,sections,contacts
                A,A-1,ninety,,,a@example.test
                B,B-1,30
                """)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.line())
                        .containsExactly(2, 3));
    }
}
