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
                             Map<String, Long> delivery, long objections) {
    }

    public static native TemplateInstance login(Frame frame, String csrf, String error, String username);

    public static native TemplateInstance message(Frame frame, String title, String text);

    public static native TemplateInstance home(Frame frame, int draftChanges, List<VersionRow> upcoming);

    public static native TemplateInstance draft(Frame frame, DraftView draft, Form entryForm, Form sectionForm, Form importForm);

    public static native TemplateInstance entry(Frame frame, DraftView.EntryView entry, List<DraftView.SectionView> sections, Form form);

    public static native TemplateInstance section(Frame frame, DraftView.SectionView section, Form form);

    public static native TemplateInstance publish(Frame frame, List<ChangeLine> changes, long draftRevision,
                                                  String earliestDate, String minimumDate, long noticeDays, Form form);

    public static native TemplateInstance versions(Frame frame, List<VersionRow> versions);

    public static native TemplateInstance version(Frame frame, VersionRow version, NoticeEvidence.Report evidence,
                                                  List<ObjectionView> objections, List<ChangeLine> changes);

    public static native TemplateInstance audit(Frame frame, List<AuditLine> events, Long nextBefore, String actor,
                                                String action, List<String> actions);

    public static native TemplateInstance settings(Frame frame, Brand brand, Form form, Form logoForm,
                                                   List<BrandField> brandFields);

    public static native TemplateInstance accounts(Frame frame, List<AccountView> accounts, Form form);
}
