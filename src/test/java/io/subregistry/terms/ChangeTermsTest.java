package io.subregistry.terms;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.subregistry.diff.ChangeType;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.SectionField;
import io.subregistry.registry.SubprocessorField;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.EnumWords.assertOwnWords;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one vocabulary of changes: every change type and every field has its own words in every
 * offered language, and an emptied field reads "(none)" in the reader's language on pages and in
 * the embed (mails: {@code NoticeChangeTermsTest}); the feed stays English, its labels included.
 */
@QuarkusTest
class ChangeTermsTest extends RegistryTest {

    @Test
    void everyChangeTypeAndFieldHasItsOwnWordsInEveryLanguage() {
        for (Language language : Language.offered()) {
            ChangeTerms terms = MessageBundles.get(ChangeTerms.class, Localized.Literal.of(language.tag()));
            assertOwnWords(language, ChangeType.values(), terms::change);
            assertOwnWords(language, SubprocessorField.values(), terms::field);
            assertOwnWords(language, SectionField.values(), terms::sectionField);
            assertThat(terms.none()).as(language + " none").isNotBlank();
            assertThat(terms.section()).as(language + " section").isNotBlank();
        }
        ChangeTerms english = MessageBundles.get(ChangeTerms.class, Localized.Literal.of("en"));
        assertThat(english.change(ChangeType.SECTION_REMOVED)).isEqualTo("Section removed");
        assertThat(english.field(SubprocessorField.LEGAL_ADDRESS)).isEqualTo("Legal address");
        assertThat(MessageBundles.get(ChangeTerms.class, Localized.Literal.of("de")).field(SubprocessorField.DPA_URL)).isEqualTo("AVV");
    }

    @Test
    void anEmptiedFieldReadsNoneInTheReadersLanguageOnPagesAndInTheEmbed() {
        String id = Api.addToDraft(Entries.named("Postmark").in("support").with("website", "https://postmark.example"));
        Api.publishWithNotice("Adds Postmark");
        asLegal().contentType(ContentType.JSON).header("If-Match", Api.entryTag(id))
                .body(Entries.named("Postmark").in("support").body()).put("/api/v1/draft/subprocessors/" + id)
                .then().statusCode(200);
        int version = Api.publishOrFail(LocalDate.of(2027, 2, 1), "Postmark's website goes");

        String emptied = "<del>https://postmark.example</del> <span aria-hidden=\"true\">→</span>";
        for (String page : List.of("/diff?from=" + (version - 1) + "&to=" + version + "&", "/versions/" + version + "?", "/?",
                "/embed?")) {
            assertThat(given().get(page + "lang=de").asString()).as(page + " in German").contains(emptied)
                    .contains("<ins>(keine Angabe)</ins>").doesNotContain("(none)");
            assertThat(given().get(page + "lang=fr").asString()).as(page + " in French").contains("<ins>(aucun)</ins>");
            assertThat(given().get(page + "lang=en").asString()).as(page + " in English").contains("<ins>(none)</ins>");
        }
        assertThat(given().get("/feed.atom").asString()).contains("Website: https://postmark.example → (none)");
    }

    @Test
    void theFeedNamesAMovesSectionsInEnglish() {
        String id = Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishWithNotice("Adds Postmark");
        asLegal().contentType(ContentType.JSON).header("If-Match", Api.entryTag(id))
                .body(Entries.named("Postmark").in("product").body()).put("/api/v1/draft/subprocessors/" + id)
                .then().statusCode(200);
        Api.publishOrFail(LocalDate.of(2027, 2, 1), "Postmark serves the product");

        assertThat(given().header("Accept-Language", "de").get("/feed.atom").asString())
                .contains("Moved: Postmark\nSection: Product-related sub-processors (moved from Customer Support related sub-processors)");
    }
}
