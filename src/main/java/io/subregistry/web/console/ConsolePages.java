package io.subregistry.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.subregistry.audit.AuditLine;
import io.subregistry.diff.ChangeLines.ChangeLine;
import io.subregistry.notice.NoticeEvidence;
import io.subregistry.notice.objection.ObjectionView;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.registry.draft.DraftView;
import io.subregistry.brand.Brand;
import io.subregistry.security.AccountView;
import io.subregistry.webhook.WebhookEndpoint;
import io.subregistry.webhook.WebhookService;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The staff console's templates (templates/console). */
@CheckedTemplate(basePath = "console")
public final class ConsolePages {

    private ConsolePages() {
    }

    /**
     * A form's values and what was wrong with them, to show it again. {@code refused} tells a
     * refusal by the service (the page may then show what is there now) from invalid fields.
     */
    public record Form(Map<String, String> values, Map<String, String> errors, String error, boolean refused) {

        static final String CORRECT_THE_FIELDS = "Please correct the marked fields.";

        public static Form empty() {
            return of(Map.of());
        }

        static Form of(Map<String, String> values) {
            return new Form(values, Map.of(), null, false);
        }

        static Form invalid(Map<String, String> values, Map<String, String> errors) {
            return new Form(values, errors, CORRECT_THE_FIELDS, false);
        }

        static Form refused(Map<String, String> values, RegistryException refused) {
            return new Form(values, Forms.errors(refused), Forms.sentence(refused.detail()), true);
        }

        /** The same form with one value replaced. */
        Form with(String field, String value) {
            Map<String, String> changed = new LinkedHashMap<>(values);
            changed.put(field, value);
            return withValues(changed);
        }

        Form withValues(Map<String, String> other) {
            return new Form(other, errors, error, refused);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        /** The typed value, or what the page suggests while nothing is typed. */
        public String valueOr(String field, String suggested) {
            String value = value(field);
            return value.isEmpty() ? suggested : value;
        }

        public String errorOf(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    /** A version as the console lists it. */
    public record VersionRow(int number, String status, LocalDate published, LocalDate effective, String summary,
                             Map<String, Long> delivery, long objections, String emergencyReason, LocalDate objectionDeadline,
                             LocalDate withdrawn, String withdrawnBy, String withdrawalReason, boolean withdrawable) {

        /** Whether notices are still on their way: the page then refreshes itself (without script). */
        public boolean sending() {
            return delivery.getOrDefault("queued", 0L) + delivery.getOrDefault("sending", 0L)
                    + delivery.getOrDefault("retrying", 0L) > 0;
        }
    }

    /**
     * An import's preview: what it would change, and the file itself (the confirmation form
     * carries it back with the revision it was previewed against).
     */
    public record ImportReview(io.subregistry.registry.draft.ImportPreview preview, List<ChangeLine> changes,
                               String content, String format, String mode) {
    }

    /** The result of checking the history, as a sentence and its details. */
    public record Verification(boolean valid, String sentence, int versionsChecked, String latestHash, String checkedAt) {
    }

    public static native TemplateInstance login(Frame frame, String csrf, String error, String username, String next,
                                                String notice);

    public static native TemplateInstance message(Frame frame, String title, String text);

    public static native TemplateInstance home(Frame frame, int draftChanges, List<VersionRow> upcoming);

    public static native TemplateInstance draft(Frame frame, DraftView draft, Form entryForm, Form sectionForm, Form importForm,
                                                Pending pending, String undo);

    /** What the next version would change, as marks for the draft's rows and sections ("new", "changed", "moved"). */
    public record Pending(Map<String, String> entries, Map<String, String> sections) {

        public String entry(java.util.UUID id) {
            return entries.get(id.toString());
        }

        public String section(String key) {
            return sections.get(key);
        }

        public boolean any() {
            return !entries.isEmpty() || !sections.isEmpty();
        }
    }

    public static native TemplateInstance removeEntry(Frame frame, DraftView.EntryView entry, String revision, String sectionTitle);

    public static native TemplateInstance removeSection(Frame frame, DraftView.SectionView section);

    public static native TemplateInstance importPreview(Frame frame, ImportReview review);

    public static native TemplateInstance entry(Frame frame, DraftView.EntryView entry, List<DraftView.SectionView> sections, Form form);

    public static native TemplateInstance section(Frame frame, DraftView.SectionView section, Form form);

    /** What publishing the draft would do beyond the diff: who is told, and what might surprise readers. */
    public record PublishFacts(long subscribers, List<String> emptySections) {
    }

    /**
     * What customers' contracts say about publishing the draft: the earliest lawful date and who
     * binds it, and the contracts an emergency on the registry's own earliest date would breach.
     */
    public record ContractTerms(io.subregistry.customer.EarliestDate lawful,
                                List<io.subregistry.customer.ObligationRepository.Binding> emergencyBreaches,
                                LocalDate registryEarliest) {
    }

    public static native TemplateInstance publish(Frame frame, List<ChangeLine> changes, long draftRevision,
                                                  String earliestDate, String minimumDate, long noticeDays, Form form,
                                                  PublishFacts facts, ContractTerms contracts, Waiting waiting);

    /** The newest version, while it is still upcoming: nothing can take effect before it unless it is withdrawn. */
    public record Waiting(int number, LocalDate effective) {
    }

    public static native TemplateInstance versions(Frame frame, List<VersionRow> versions);

    public static native TemplateInstance version(Frame frame, VersionRow version, boolean follow, NoticeEvidence.Report evidence,
                                                  List<ObjectionView> objections, List<ChangeLine> changes, Form withdrawal);

    public static native TemplateInstance verify(Frame frame, Verification result);

    /** An audit line as the console shows it: the action in words, its details as a sentence, a target that is not an id. */
    public record AuditRow(AuditLine line, String action, String sentence, String target) {
    }

    public static native TemplateInstance audit(Frame frame, List<AuditRow> events, Long nextBefore,
                                                Map<String, String> filters, String filterQuery, List<String> actions);

    /** An account as the accounts page lists it; the last enabled admin cannot be disabled. */
    public record AccountRow(AccountView account, boolean lastAdmin) {
    }

    public static native TemplateInstance accounts(Frame frame, List<AccountRow> accounts, Form form, Form inviteForm);

    public static native TemplateInstance invite(Frame frame, String csrf, String token, String username, String error);

    public static native TemplateInstance webhooks(Frame frame, List<WebhookEndpoint> endpoints, long disabled, Form form);

    public static native TemplateInstance webhook(Frame frame, WebhookService.History history, String secret);

    public static native TemplateInstance settings(Frame frame, Brand brand, Form form, Form logoForm,
                                                   List<BrandField> brandFields);
}
