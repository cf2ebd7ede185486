package io.subregistry.importer;

import io.subregistry.registry.draft.SectionInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SectionKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Product-related sub-processors          | product",
            "Sales activities related sub-processors | sales-activities",
            "Customer Support related sub-processors | customer-support",
            "Subprocessors for HR                    | for-hr",
            "Sub processor: Finance                  | finance",
            "Équipe & Données                        | equipe-donnees",
            "  IT -- Operations!  sub-processors     | it-operations",
    })
    void aKeyIsTheTitleWithoutTheWordsEveryTitleShares(String title, String key) {
        assertThat(SectionKeys.fromTitle(title)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sub-processors", "Related sub-processors", "日本語", "---", "!"})
    void aTitleWithNothingLeftBecomesSection(String title) {
        assertThat(SectionKeys.fromTitle(title)).isEqualTo("section");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A very long title about many different kinds of processing sub-processors",
            "Sub-processors that handle core platform functionality, infrastructure, and product operations",
            "abcdefghijklmnopqrstuvwxyz abcdefghijkl nopqrstuvwxyz",
            "Product-related sub-processors"})
    void aKeyIsAlwaysValidForASection(String title) {
        String key = SectionKeys.fromTitle(title);

        assertThat(key).matches(SectionInput.KEY_PATTERN).doesNotEndWith("-");
        assertThat(key.length()).isLessThanOrEqualTo(SectionInput.KEY_MAX);
    }

    @Test
    void aLongTitleIsCutAtFortyCharactersWithoutATrailingDash() {
        // the 40th character of this slug is a dash
        String key = SectionKeys.fromTitle("abcdefghijklmnopqrstuvwxyz abcdefghijkl nopqrstuvwxyz");

        assertThat(key).isEqualTo("abcdefghijklmnopqrstuvwxyz-abcdefghijkl");
    }

    @Test
    void theNextKeyCountsUp() {
        assertThat(SectionKeys.next("product")).isEqualTo("product-2");
        assertThat(SectionKeys.next("product-2")).isEqualTo("product-3");
        assertThat(SectionKeys.next("support-9")).isEqualTo("support-10");
    }

    @Test
    void theNextKeyOfALongKeyStaysWithinTheLimit() {
        String next = SectionKeys.next("a".repeat(SectionInput.KEY_MAX));

        assertThat(next).hasSizeLessThanOrEqualTo(SectionInput.KEY_MAX).matches(SectionInput.KEY_PATTERN);
    }

    /**
     * ImportService asks for next(key) until it finds a free key: if next ever returned its own
     * argument, importing three sections with the same long title would never finish.
     */
    @ParameterizedTest
    @ValueSource(strings = {"product", "infrastructure-and-hosting-providers-eu", "a-very-long-key-of-exactly-forty-chars-x"})
    void successiveNextKeysAreAllDifferent(String first) {
        Set<String> keys = new LinkedHashSet<>();
        String key = first;
        for (int i = 0; i < 12; i++) {
            keys.add(key);
            key = SectionKeys.next(key);
        }

        assertThat(keys).hasSize(12).allSatisfy(k -> assertThat(k).hasSizeLessThanOrEqualTo(SectionInput.KEY_MAX));
    }

    @Test
    void aKeyEndingInAHugeNumberStillHasANextKey() {
        // "Vendors 99999999999" is a possible title; its key's number does not fit in an int
        assertThat(SectionKeys.next("vendors-99999999999")).isNotEqualTo("vendors-99999999999")
                .hasSizeLessThanOrEqualTo(SectionInput.KEY_MAX);
    }
}
