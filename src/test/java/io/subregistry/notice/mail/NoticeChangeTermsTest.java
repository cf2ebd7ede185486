package io.subregistry.notice.mail;

import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.brand.BrandService;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.FieldChange;
import io.subregistry.notice.NoticeKind;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A notice words its changes with the shared change terms, "(none)" included, in the mail's language. */
@QuarkusTest
class NoticeChangeTermsTest extends RegistryTest {

    @Inject
    NoticeMails mails;

    @Inject
    BrandService brands;

    @Test
    void anEmptiedFieldReadsNoneInAGermanMail() {
        Subprocessor entry = new Subprocessor(UUID.randomUUID(), "Postmark", "1 Road, Dublin", "EU", "Mail", null, null, null, null);
        List<Change> changes = List.of(new Change(ChangeType.MODIFIED, entry.id(), entry.name(), "support", null,
                List.of(new FieldChange("website", "https://postmark.example", null)), entry));
        Instant published = Instant.parse("2026-11-30T10:00:00Z");
        VersionHeader header = new VersionHeader(7, published, published.plusSeconds(30 * 86400L), "Postmark's website goes",
                "lena.legal", null, 30, 12, "a".repeat(64), "b".repeat(64), null);
        VersionBrief brief = new VersionBrief(header, changes, Map.of("support", "Support"), 6);

        NoticeMails.Rendered german = mails.render(NoticeKind.ANNOUNCEMENT, brief, changes, new NoticeMails.Links("m", "o"), null,
                Language.DE, brands.current());

        assertThat(german.text()).contains("* Geändert: Postmark (Support)").contains("  Website: https://postmark.example -> (keine Angabe)")
                .doesNotContain("(none)");
        assertThat(german.html()).contains("<ins style=\"color: #276749; text-decoration: none;\">(keine Angabe)</ins>")
                .doesNotContain("(none)");
    }
}
