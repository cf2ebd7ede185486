package io.subregistry.notice.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Header values built from the brand and the translated subjects: one line, encoded where needed, decoded back exactly. */
class MailHeadersTest {

    @Test
    void aPlainCompanyNameStandsAsItIsAndAnyOtherIsEncodedAndReadBackExactly() throws Exception {
        assertThat(MailHeaders.mailbox("Acme Health", "notices@acme.example")).isEqualTo("Acme Health <notices@acme.example>");

        for (String name : new String[]{"Müller & Söhne GmbH", "Acme (EU), \"Inc.\" <x@y>", "Société Générale — Santé",
                "Ωmega " + "Größenwahn ".repeat(12)}) {
            String mailbox = MailHeaders.mailbox(name, "notices@acme.example");
            assertThat(mailbox.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(mailbox).isTrue();
            InternetAddress parsed = new InternetAddress(mailbox, true);
            assertThat(parsed.getAddress()).isEqualTo("notices@acme.example");
            assertThat(parsed.getPersonal()).isEqualTo(MailHeaders.sanitize(name, 100));
        }
    }

    @Test
    void aGermanSubjectIsEncodedWordsOfAtMost75CharactersCutBetweenCharacters() throws Exception {
        String subject = "[Acme Health] Bevorstehende Änderung unserer Unterauftragsverarbeiter, wirksam ab 1. Februar 2027 "
                + "äöüßÄÖÜ€😀".repeat(3);
        String wire = MailHeaders.wireSubject(subject);

        assertThat(wire).doesNotContain("\r").doesNotContain("\n").startsWith("=?UTF-8?Q?");
        assertThat(Arrays.stream(wire.split(" "))).allMatch(word -> word.length() <= 75 && word.startsWith("=?UTF-8?Q?")
                && word.endsWith("?="));
        // each word decodes on its own: no character is split between two
        for (String word : wire.split(" ")) {
            assertThat(MimeUtility.decodeWord(word)).doesNotContain("\uFFFD");
        }
        assertThat(MimeUtility.decodeText(wire)).isEqualTo(MailHeaders.subject(subject));
        assertThat(MailHeaders.wireSubject("[Acme Health] Upcoming change to our sub-processors, effective February 1, 2027"))
                .isEqualTo("[Acme Health] Upcoming change to our sub-processors, effective February 1, 2027");
    }

    @Test
    void aLineBreakNeverLeavesTheValue() {
        assertThat(MailHeaders.mailbox("Acme\r\nBcc: victim@attacker.example", "notices@acme.example"))
                .doesNotContain("\r").doesNotContain("\n");
        assertThat(MailHeaders.wireSubject("Ärger\r\nBcc: victim@attacker.example")).doesNotContain("\r").doesNotContain("\n");
        assertThat(MailHeaders.addressOf("Sub-processor notices <notices@acme.example>")).isEqualTo("notices@acme.example");
        assertThat(MailHeaders.addressOf("notices@acme.example")).isEqualTo("notices@acme.example");
    }
}
