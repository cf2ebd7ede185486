package io.subregistry.signing;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.diff.Change;
import io.subregistry.notice.ClaimedNotice;
import io.subregistry.notice.NoticeKind;
import io.subregistry.notice.NoticePlanner;
import io.subregistry.notice.Subscriber;
import io.subregistry.notice.mail.NoticeMails;
import io.subregistry.notice.mail.VersionBrief;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every notice names the version it is about by number, hash and signing key, in its parts and a header. */
@QuarkusTest
class NoticeWitnessTest extends RegistryTest {

    private static final String DPO = "dpo@witness.example";

    @Inject
    Subscribers subscribers;

    @Inject
    NoticePlanner planner;

    @Inject
    NoticeMails mails;

    @Inject
    VersionQueries versions;

    @Test
    void theAnnouncementAndTheReminderWitnessTheVersion() {
        subscribers.confirmed(DPO);
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int number = Api.publishWithNotice("Adds Postmark");
        String hash = given().get("/api/v1/versions/" + number).path("hash");
        String keyId = given().get("/api/v1/versions/" + number).path("signature.keyId");

        // the confirmation, the welcome and the announcement
        MimeMessage announcement = Mailbox.awaitTo(DPO, 3).stream()
                .filter(mail -> Mailbox.subject(mail).contains("Upcoming change")).findFirst().orElseThrow();
        assertWitnesses(announcement, number, hash, keyId);

        clock.advance(Duration.ofDays(24).plusHours(1));
        planner.queueScheduled();
        List<MimeMessage> all = Mailbox.awaitTo(DPO, 4);
        MimeMessage reminder = all.get(all.size() - 1);
        assertThat(Mailbox.subject(reminder)).startsWith("[Example Company] Reminder");
        assertWitnesses(reminder, number, hash, keyId);
    }

    @Test
    void theEffectiveNoticeWitnessesTheVersion() {
        var header = versions.require(2);
        String keyId = given().get("/api/v1/versions/2").path("signature.keyId");
        Subscriber subscriber = new Subscriber();
        subscriber.id = UUID.randomUUID();
        subscriber.email = DPO;
        List<Change> changes = versions.changesOf(2).stream().map(RecordedChange::change).toList();
        Mail mail = mails.notice(new ClaimedNotice(UUID.randomUUID(), subscriber.id, 2, NoticeKind.EFFECTIVE, DPO, 0,
                        Instant.now().plusSeconds(60)), subscriber, new VersionBrief(header, changes, Map.of(), 1),
                new NoticeMails.Links("m".repeat(43), "o".repeat(43)), null);

        assertThat(mail.getSubject()).startsWith("[Example Company] Now in effect");
        assertThat(mail.getHeaders().get("X-Subprocessor-List-Version")).containsExactly("2; hash=" + header.hash());
        assertThat(mail.getText()).contains("version 2 of our list, hash " + header.hash() + ", signed with key " + keyId);
        assertThat(mail.getHtml()).contains(header.hash()).contains(keyId);
    }

    private static void assertWitnesses(MimeMessage mail, int number, String hash, String keyId) {
        assertThat(Mailbox.header(mail, "X-Subprocessor-List-Version")).isEqualTo(number + "; hash=" + hash);
        assertThat(Mailbox.part(mail, "text/plain"))
                .contains("version " + number + " of our list, hash " + hash + ", signed with key " + keyId);
        assertThat(Mailbox.part(mail, "text/html")).contains(hash).contains(keyId);
    }
}
