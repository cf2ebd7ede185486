package io.subregistry.notice.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.FieldChange;
import io.subregistry.notice.ClaimedNotice;
import io.subregistry.notice.ContactTerms;
import io.subregistry.notice.NoticeKind;
import io.subregistry.notice.Subscriber;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering a notice once per group and filling in each recipient's links gives the same mail as
 * rendering it for that recipient alone: same subject, same text part character for character, and
 * an HTML part that differs only in its transport form (ASCII with character references, lines
 * joined), which a browser shows identically.
 */
@QuarkusTest
class NoticeMailsRenderOnceTest extends RegistryTest {

    private static final Pattern REFERENCE = Pattern.compile("&#(\\d+);");

    @Inject
    NoticeMails mails;

    @Inject
    BrandService brands;

    @Test
    void everyNoticeKindIsTheSameMailRenderedOnceOrPerRecipient() {
        VersionBrief brief = brief();
        // sections and languages differ: each (changes shown, language) is its own group
        List<Subscriber> audience = List.of(subscriber(null, "de"), subscriber("support", null), subscriber("infra", "fr-CH"),
                subscriber("hr", "en"));
        Brand brand = brands.current();
        int compared = 0;
        // A customer's contact: its contract terms and acknowledge link go into its group's text.
        ContactTerms.Terms contract = new ContactTerms.Terms("Hospital <Group>", 90, 30, true, 14, null, null);
        for (NoticeKind kind : List.of(NoticeKind.ANNOUNCEMENT, NoticeKind.REMINDER, NoticeKind.EFFECTIVE, NoticeKind.ACK_REMINDER)) {
            NoticeMails.Batch batch = mails.batch();
            // two rounds over the audience: the second one reuses every group the first rendered
            for (int round = 0; round < 2; round++) {
                for (Subscriber subscriber : audience) {
                    NoticeMails.Links links = new NoticeMails.Links(token(), token());
                    ClaimedNotice notice = new ClaimedNotice(UUID.randomUUID(), subscriber.id, 7, kind, subscriber.email, 0,
                            Instant.now().plusSeconds(60));
                    ContactTerms.Terms terms = subscriber.sections == null ? contract : null;
                    NoticeMails.Rendered alone = mails.render(kind, brief, relevantTo(subscriber, brief), links, terms,
                            NoticeMails.languageOf(subscriber, brand), brand);
                    Mail once = batch.notice(notice, subscriber, brief, links, terms);
                    if (terms != null && kind != NoticeKind.EFFECTIVE) {
                        assertThat(once.getText()).contains("/acknowledge/" + links.objectionToken())
                                .contains("Kontaktperson von Hospital <Group>");
                        assertThat(once.getHtml()).contains("Hospital &lt;Group&gt;");
                    }

                    String what = kind + " to " + Arrays.toString(subscriber.sections) + ", round " + round;
                    assertThat(once.getSubject()).as(what).isEqualTo(MailHeaders.wireSubject(alone.subject()));
                    assertThat(once.getText()).as(what).isEqualTo(alone.text());
                    assertThat(shown(once.getHtml())).as(what).isEqualTo(shown(alone.html()));
                    assertThat(once.getText()).contains(links.manageToken());
                    assertThat(once.getHtml()).contains("/unsubscribe/" + links.manageToken());
                    assertThat(once.getHeaders().get("List-Unsubscribe")).containsExactly(
                            "<http://localhost:8080/unsubscribe/" + links.manageToken() + ">");
                    assertThat(once.getHtml().chars().allMatch(c -> c < 0x80)).as("ASCII only: " + what).isTrue();
                    assertThat(once.getHtml().split("\n")).as(what).allMatch(line -> line.length() <= 998)
                            .hasSizeLessThan(alone.html().split("\n").length);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(32);
    }

    @Test
    void aNonAsciiValueFilledIntoHtmlIsEscapedAsTheTemplateWould() {
        String slot = RecipientSlots.slot("name");
        RecipientSlots.Skeleton html = RecipientSlots.parse(HtmlTransport.pack("<p title=\"" + slot + "\">\n" + slot + "</p>\n"),
                RecipientSlots.Escaping.HTML_ASCII);
        RecipientSlots.Skeleton text = RecipientSlots.parse("Hello " + slot + "\n", RecipientSlots.Escaping.TEXT);
        Map<String, String> values = Map.of("name", "Zoë \"<b>\" & 'Ω'");

        assertThat(html.fill(values)).isEqualTo("<p title=\"Zo&#235; &quot;&lt;b&gt;&quot; &amp; &#39;&#937;&#39;\"> "
                + "Zo&#235; &quot;&lt;b&gt;&quot; &amp; &#39;&#937;&#39;</p>\n");
        assertThat(text.fill(values)).isEqualTo("Hello Zoë \"<b>\" & 'Ω'\n");
    }

    @Test
    void packedLinesStayUnderTheLimitAndALongerLineIsLeftWhole() {
        String longLine = "x".repeat(1200);
        String html = ("<p>short line</p>\n").repeat(200) + longLine + "\n<p>after</p>\n";
        String packed = HtmlTransport.pack(html);

        assertThat(packed.split("\n")).allMatch(line -> line.length() <= HtmlTransport.LINE || line.equals(longLine));
        assertThat(packed.replace('\n', ' ')).as("only line breaks became spaces").isEqualTo(html.replace('\n', ' '));
        assertThat(packed).endsWith("<p>after</p>\n");
    }

    /** What a reader sees: references decoded, every line break as the white space it is in HTML. */
    private static String shown(String html) {
        Matcher matcher = REFERENCE.matcher(html);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(Integer.parseInt(matcher.group(1)))));
        }
        matcher.appendTail(decoded);
        return decoded.toString().replace('\n', ' ').strip();
    }

    private static List<Change> relevantTo(Subscriber subscriber, VersionBrief brief) {
        List<Change> relevant = new ArrayList<>();
        for (Change change : brief.changes()) {
            List<String> sections = change.fromSection() == null ? List.of(change.section()) : List.of(change.section(), change.fromSection());
            if (subscriber.follows(sections)) {
                relevant.add(change);
            }
        }
        return relevant;
    }

    private static VersionBrief brief() {
        Subprocessor added = new Subprocessor(UUID.randomUUID(), "Müller & <Söhne> \"GmbH\"", "Straße 1, Zürich", "EU – CH",
                "Support tickets", "https://example.com/?a=1&b=2", "Names", "SCCs", null);
        Subprocessor modified = new Subprocessor(UUID.randomUUID(), "Ωmega Cloud", "1 Road, Dublin", "EU",
                "Hosting", null, null, null, null);
        Subprocessor moved = new Subprocessor(UUID.randomUUID(), "O'Brien's Mail", "2 Lane, Cork", "EU",
                "Mail", null, null, null, null);
        List<Change> changes = List.of(
                new Change(ChangeType.ADDED, added.id(), added.name(), "support", null, List.of(), added),
                new Change(ChangeType.MODIFIED, modified.id(), modified.name(), "infra", null,
                        List.of(new FieldChange("location", "US", "EU → Frankfurt")), modified),
                new Change(ChangeType.MOVED, moved.id(), moved.name(), "support", "infra", List.of(), moved));
        Instant published = Instant.parse("2026-11-30T10:00:00Z");
        VersionHeader header = new VersionHeader(7, published, published.plusSeconds(30 * 86400L), "Adds Müller, moves O'Brien's",
                "lena.legal", "Ärger: the old provider «failed»", 30, 12, "a".repeat(64), "b".repeat(64), null);
        return new VersionBrief(header, changes, Map.of("support", "Support & <help>", "infra", "Infrastructure"), 6);
    }

    private static Subscriber subscriber(String section, String language) {
        Subscriber subscriber = new Subscriber();
        subscriber.language = language;
        subscriber.id = UUID.randomUUID();
        subscriber.email = "dpo+" + (section == null ? "all" : section) + "@customer.example";
        subscriber.sections = section == null ? null : new String[]{section};
        subscriber.status = Subscriber.Status.CONFIRMED;
        return subscriber;
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "") + "AbC_-xyz1234";
    }
}
