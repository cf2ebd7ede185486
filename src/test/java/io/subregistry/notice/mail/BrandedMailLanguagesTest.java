package io.subregistry.notice.mail;

import io.quarkus.cache.CacheManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.subregistry.brand.BrandService;
import io.subregistry.brand.BrandSettings;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mails as they arrive over real SMTP (GreenMail), read raw: the brand in From, subject, header
 * block, footer and List-Id; each recipient's language in subject and both parts, with dates in
 * its format; the binding-language sentence exactly when the mail is a translation; and one
 * announcement to English, German and French subscribers, each in their own language.
 */
@QuarkusTest
class BrandedMailLanguagesTest extends RegistryTest {

    private static final String DE = "dpo@kunde.example";
    private static final String FR = "dpo@client.example";
    private static final String EN = "dpo@customer.example";
    private static final LocalDate EFFECTIVE = LocalDate.of(2027, 2, 1);
    private static final Pattern REFERENCE = Pattern.compile("&#(\\d+);");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Inject
    BrandService brands;

    @Inject
    CacheManager caches;

    @BeforeEach
    void acmeHealth() {
        brand("Acme Health", "en");
        brands.uploadLogo(PNG, "test");
    }

    @Test
    void aGermanSubscriberGetsEveryMailInGermanWithTheBrand() throws Exception {
        MimeMessage confirmation = subscribe(DE, "de");
        assertThat(Mailbox.subject(confirmation))
                .isEqualTo("[Acme Health] Bitte bestätigen Sie Ihr Abonnement unserer Mitteilungen zu Unterauftragsverarbeitern");
        assertThat(rawHeader(confirmation, "Subject")).startsWith("=?UTF-8?Q?").doesNotContain("ä");
        assertBranded(confirmation);
        assertThat(text(confirmation)).contains("Bestätigen Sie Ihr Abonnement").contains("(alle Abschnitte)")
                .doesNotContain("rechtsverbindlich");
        assertThat(html(confirmation)).contains("Bestätigen Sie Ihr Abonnement").contains("<html lang=\"de\">");

        MimeMessage welcome = confirm(DE, confirmation);
        assertThat(Mailbox.subject(welcome))
                .isEqualTo("[Acme Health] Ihr Abonnement unserer Mitteilungen zu Unterauftragsverarbeitern ist bestätigt");
        assertBranded(welcome);
        assertThat(text(welcome)).contains("Wir benachrichtigen " + DE + " per E-Mail");
        assertThat(html(welcome)).contains("Wir benachrichtigen " + DE + " per E-Mail");

        int version = publishPostmark();
        MimeMessage notice = announcement(DE);
        assertThat(Mailbox.subject(notice))
                .isEqualTo("[Acme Health] Bevorstehende Änderung unserer Unterauftragsverarbeiter, wirksam ab 1. Februar 2027");
        assertBranded(notice);
        for (String part : List.of(text(notice), html(notice))) {
            assertThat(part).contains("Wir ändern unsere Liste der Unterauftragsverarbeiter zum 1. Februar 2027")
                    .contains("Hinzugefügt: Postmark").contains("Verarbeitungstätigkeit")
                    .contains("Widerspruchsfrist: 1. Februar 2027.")
                    .contains("Die englische Fassung dieser Mitteilung ist rechtsverbindlich")
                    .contains("Fragen zum Datenschutz: ").contains("privacy@acme.example")
                    .doesNotContain("Upcoming change");
        }
        assertThat(Mailbox.part(notice, "text/html")).contains("<html lang=\"de\">");
        // the raw German notice, for a spam filter's look (bench/README.md, "Mail and spam filters")
        Files.createDirectories(Path.of("target/mail-samples"));
        Files.writeString(Path.of("target/mail-samples/notice-de.eml"), Mailbox.raw(notice));

        // the objection's receipt and its answer are legal mails too: German, saying which text binds
        String objection = Mailbox.link(notice, "http://localhost:8080/objection/").replace("http://localhost:8080", "");
        // its links open our pages in the mail's language, whatever the reader's browser prefers
        assertThat(text(notice)).contains(objection + "?lang=de");
        assertThat(given().header("Accept-Language", "en").get(objection + "?lang=de").asString()).contains("<html lang=\"de\"");
        String postmark = Pattern.compile("name=\"subprocessorIds\" value=\"([0-9a-f-]{36})\"")
                .matcher(given().get(objection).asString()).results().findFirst().orElseThrow().group(1);
        given().contentType("application/x-www-form-urlencoded").formParam("reason", "Unser Vertrag schließt das aus.")
                .formParam("subprocessorIds", postmark).post(objection).then().statusCode(200);
        MimeMessage receipt = Mailbox.awaitTo(DE, 4).get(3);
        assertThat(Mailbox.subject(receipt))
                .isEqualTo("[Acme Health] Wir haben Ihren Widerspruch zu Fassung " + version + " unserer Unterauftragsverarbeiter erhalten");
        for (String part : List.of(text(receipt), html(receipt))) {
            assertThat(part).contains("Unser Rechtsteam prüft ihn").contains("Postmark").contains("Unser Vertrag schließt das aus.")
                    .contains("2. März 2026, 10:00 UTC").contains("Die englische Fassung dieser Mitteilung ist rechtsverbindlich");
        }
        String id = asLegal().get("/api/v1/versions/" + version + "/objections").path("[0].id");
        asLegal().contentType(ContentType.JSON).body(Map.of("outcome", "REJECTED", "note", "Postmark ist notwendig."))
                .post("/api/v1/objections/" + id + "/resolution").then().statusCode(200);
        MimeMessage resolved = Mailbox.awaitTo(DE, 5).get(4);
        assertThat(Mailbox.subject(resolved)).isEqualTo("[Acme Health] Ihr Widerspruch zu Fassung " + version
                + " unserer Unterauftragsverarbeiter: abgelehnt, die Änderung wird wirksam");
        assertThat(text(resolved)).contains("Unsere Antwort: Postmark ist notwendig.");
        assertBranded(resolved);
    }

    @Test
    void oneAnnouncementGoesToEachSubscriberInTheirOwnLanguage() throws Exception {
        for (String[] reader : List.of(new String[]{EN, "en"}, new String[]{DE, "de-AT"}, new String[]{FR, "fr"})) {
            confirm(reader[0], subscribe(reader[0], reader[1]));
        }
        publishPostmark();

        MimeMessage english = announcement(EN);
        MimeMessage german = announcement(DE);
        MimeMessage french = announcement(FR);
        assertThat(Mailbox.subject(english))
                .isEqualTo("[Acme Health] Upcoming change to our sub-processors, effective February 1, 2027");
        assertThat(Mailbox.subject(german)).endsWith("wirksam ab 1. Februar 2027");
        assertThat(Mailbox.subject(french))
                .isEqualTo("[Acme Health] Modification à venir de nos sous-traitants ultérieurs, en vigueur le 1 février 2027");
        assertThat(rawHeader(french, "Subject")).startsWith("=?UTF-8?Q?");
        for (MimeMessage mail : List.of(english, german, french)) {
            assertBranded(mail);
        }
        assertThat(text(english)).contains("We will change our list of sub-processors on February 1, 2027")
                .doesNotContain("legally binding");
        assertThat(html(english)).doesNotContain("legally binding");
        for (String part : List.of(text(french), html(french))) {
            assertThat(part).contains("Nous modifierons notre liste de sous-traitants ultérieurs le 1 février 2027")
                    .contains("Ajouté: Postmark").contains("Date limite pour formuler une objection : 1 février 2027.")
                    .contains("La version anglaise de la présente notification fait foi");
        }
        // each recipient's own links, although the text was rendered once per language
        assertThat(Mailbox.link(german, "http://localhost:8080/objection/"))
                .isNotEqualTo(Mailbox.link(french, "http://localhost:8080/objection/"));
    }

    @Test
    void withGermanBindingAReaderWithoutALanguageGetsGermanAndAnEnglishReaderIsToldWhichTextBinds() throws Exception {
        brand("Acme Health", "de");
        confirm(EN, subscribe(EN, "en"));
        confirm(DE, subscribe(DE, null));
        publishPostmark();

        MimeMessage german = announcement(DE);
        assertThat(Mailbox.subject(german)).startsWith("[Acme Health] Bevorstehende Änderung");
        assertThat(text(german)).doesNotContain("rechtsverbindlich").doesNotContain("legally binding");
        MimeMessage english = announcement(EN);
        for (String part : List.of(text(english), html(english))) {
            assertThat(part).contains("The German version of this notice is legally binding; this translation is provided for"
                    + " information only.");
        }
    }

    @Test
    void aContactGetsItsRegistrationInTheLanguageTheCustomersApiGaveIt() throws Exception {
        asLegal().contentType(ContentType.JSON).body(Map.of("name", "Clinique du Lac", "noticePeriodDays", 30,
                        "contacts", List.of(Map.of("email", FR, "name", "Claire", "language", "fr-CH"))))
                .post("/api/v1/customers").then().statusCode(201);

        MimeMessage registered = Mailbox.awaitTo(FR, 1).get(0);
        assertThat(Mailbox.subject(registered)).isEqualTo("[Acme Health] Vous êtes le contact de Clinique du Lac pour les"
                + " notifications relatives aux sous-traitants ultérieurs");
        assertBranded(registered);
        for (String part : List.of(text(registered), html(registered))) {
            assertThat(part).contains("Bonjour Claire,").contains("La version anglaise de la présente notification fait foi");
        }
    }

    @Test
    void aCompanyNameWithLineBreaksIsRefusedAndCannotReachAHeaderEvenIfStored() throws Exception {
        assertThatThrownBy(() -> brands.save(new BrandSettings("Acme\r\nBcc: victim@attacker.example", null, null, null,
                null, null, null, null), "test")).isInstanceOf(InvalidInputException.class);

        // as if it had got past the check: stored with a line break, and with what address parsers read as structure
        database.execute("update brand set company_name = E'Müller & Söhne (EU), \"Inc.\" <x@y>\\r\\nBcc: victim@attacker.example'");
        caches.getCache("brand").orElseThrow().invalidateAll().await().indefinitely();
        MimeMessage confirmation = subscribe(EN, "en");

        InternetAddress from = (InternetAddress) confirmation.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("subprocessors@localhost");
        assertThat(from.getPersonal()).isEqualTo("Müller & Söhne (EU), \"Inc.\" <x@y> Bcc: victim@attacker.example");
        assertThat(confirmation.getAllRecipients()).hasSize(1);
        assertThat(Mailbox.to("victim@attacker.example")).isEmpty();
        for (Header header : Collections.list(confirmation.getAllHeaders())) {
            assertThat(header.getName()).isNotEqualToIgnoringCase("Bcc");
        }
        assertThat(Mailbox.subject(confirmation)).startsWith("[Müller & Söhne (EU), \"Inc.\" <x@y> Bcc: victim@attacker.example] ");
    }

    /** From "Acme Health <the configured address>", List-Id with the company, the header block and footer in both parts, UTF-8 parts. */
    private static void assertBranded(MimeMessage mail) throws Exception {
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo(companyOf(mail));
        assertThat(from.getAddress()).isEqualTo("subprocessors@localhost");
        assertThat(Mailbox.header(mail, "List-Id")).isEqualTo(companyOf(mail) + " sub-processor notices <subprocessors.localhost>");
        assertThat(Mailbox.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8080/unsubscribe/");
        assertThat(text(mail)).startsWith("Acme Health\n").contains("privacy@acme.example").contains("https://acme.example/privacy");
        assertThat(html(mail)).contains("src=\"http://localhost:8080/brand/logo?v=").contains("#0b5fff")
                .contains(">Acme Health</a>").contains("mailto:privacy@acme.example");

        // The text part is UTF-8 (quoted-printable once it has an umlaut or accent); the HTML part goes out
        // packed as ASCII with character references (HtmlTransport), 7bit, which every charset label reads alike.
        List<BodyPart> parts = parts(mail);
        assertThat(parts).hasSize(2);
        for (BodyPart part : parts) {
            String type = part.getContentType().toLowerCase().replace("\"", "");
            String encoding = part.getHeader("Content-Transfer-Encoding")[0].toLowerCase();
            if (type.startsWith("text/html")) {
                assertThat(encoding).as("the packed HTML part").isEqualTo("7bit");
                assertThat(Mailbox.part(mail, "text/html").chars().allMatch(c -> c < 0x80)).as("HTML sent as ASCII").isTrue();
                assertThat(Mailbox.part(mail, "text/html")).contains("<meta charset=\"utf-8\">");
            } else {
                assertThat(type).startsWith("text/plain");
                if (!text(mail).chars().allMatch(c -> c < 0x80)) {
                    assertThat(type).as("a text part with umlauts or accents").contains("charset=utf-8");
                    assertThat(encoding).isEqualTo("quoted-printable");
                }
            }
        }
    }

    private static String companyOf(MimeMessage mail) {
        return "Acme Health";
    }

    private void brand(String company, String bindingLanguage) {
        brands.save(new BrandSettings(company, "#0b5fff", "https://acme.example/privacy", "https://acme.example/dpa",
                "https://acme.example/legal", "privacy@acme.example", "Acme Health GmbH, Berlin", bindingLanguage), "test");
    }

    /** Subscribes through the API, gives the subscriber a language as the subscribe form would, returns the confirmation. */
    private MimeMessage subscribe(String email, String language) {
        Subscribers.subscribe(email);
        if (language != null) {
            database.execute("update subscriber set language = '" + language + "' where email = '" + email + "'");
        }
        return Mailbox.awaitTo(email, 1).get(0);
    }

    private static MimeMessage confirm(String email, MimeMessage confirmation) {
        String token = Mailbox.link(confirmation, Subscribers.CONFIRM_PREFIX).substring(Subscribers.CONFIRM_PREFIX.length());
        given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(200);
        return Mailbox.awaitTo(email, 2).get(1);
    }

    private static int publishPostmark() {
        Api.addToDraft(Entries.named("Postmark").in("support"));
        return Api.publishOrFail(EFFECTIVE, "Adds Postmark");
    }

    private static MimeMessage announcement(String email) {
        return Mailbox.awaitTo(email, 3).get(2);
    }

    private static String text(MimeMessage mail) {
        return Mailbox.part(mail, "text/plain").replace("\r\n", "\n");
    }

    /** The HTML part as a reader sees its text: character references decoded. */
    private static String html(MimeMessage mail) {
        Matcher matcher = REFERENCE.matcher(Mailbox.part(mail, "text/html"));
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(Integer.parseInt(matcher.group(1)))));
        }
        return matcher.appendTail(decoded).toString().replace("&amp;", "&");
    }

    /** A header as it came over the wire, unfolded but not decoded. */
    private static String rawHeader(MimeMessage mail, String name) throws Exception {
        return mail.getHeader(name)[0].replaceAll("\r?\n[ \t]", " ");
    }

    private static List<BodyPart> parts(MimeMessage mail) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            parts.add(multipart.getBodyPart(i));
        }
        return parts;
    }
}
