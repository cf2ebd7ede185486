package io.subregistry.notice.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeLines;
import io.subregistry.diff.ChangeType;
import io.subregistry.notice.ClaimedNotice;
import io.subregistry.notice.ContactTerms;
import io.subregistry.notice.NoticeConfig;
import io.subregistry.notice.NoticeKind;
import io.subregistry.notice.Subscriber;
import io.subregistry.notice.mail.MailViews.ConfirmationMail;
import io.subregistry.notice.mail.MailViews.ContactMail;
import io.subregistry.notice.mail.MailViews.ContractNote;
import io.subregistry.notice.mail.MailViews.NoticeMail;
import io.subregistry.platform.ReadableDates;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.version.VersionSignature;
import io.subregistry.registry.version.VersionSignatures;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the mails: subject, HTML and text parts, and the list headers (List-Id,
 * List-Unsubscribe with RFC 8058 one-click, Message-ID). Every header value passes through
 * {@link MailHeaders}, so data can never add a header.
 */
@ApplicationScoped
public class NoticeMails {

    static final String LIST_NAME = "Sub-processor changes";
    public static final String VERSION_HEADER = "X-Subprocessor-List-Version";

    private final ZoneId zone;
    private final String baseUrl;
    private final VersionSignatures signatures;
    private final java.time.Clock clock;
    private final String from;
    private final String listId;
    private final String messageIdDomain;
    private final String unsubscribeMailto;

    public NoticeMails(NoticeConfig config, RegistryConfig registry, VersionSignatures signatures, java.time.Clock clock) {
        this.clock = clock;
        this.signatures = signatures;
        this.zone = registry.zone();
        this.baseUrl = registry.publicBaseUrl().replaceAll("/+$", "");
        this.from = MailHeaders.sanitize(config.from(), 300);
        this.messageIdDomain = MailHeaders.sanitize(config.listId(), 200);
        this.listId = LIST_NAME + " <" + messageIdDomain + ">";
        this.unsubscribeMailto = config.unsubscribeMailto().map(address -> ", <mailto:" + MailHeaders.sanitize(address, 254)
                + "?subject=unsubscribe>").orElse("");
    }

    /** The links a mail carries, built from tokens the caller derived. */
    public record Links(String manageToken, String objectionToken) {

        /** What a mail rendered for a whole group carries instead of its recipient's tokens. */
        static final Links SLOTS = new Links(RecipientSlots.slot("manageToken"), RecipientSlots.slot("objectionToken"));

        Map<String, String> values() {
            return Map.of("manageToken", manageToken, "objectionToken", objectionToken);
        }
    }

    /** A mail's subject and parts as the templates rendered them. */
    record Rendered(String subject, String html, String text) {
    }

    /** A notice rendered once for all its recipients who see the same content, with slots for their own values. */
    private record Group(String subject, RecipientSlots.Skeleton html, RecipientSlots.Skeleton text) {
    }

    /**
     * Which recipients get the same notice text: same kind, version and changes shown (their
     * sections decide those), and the same contract terms (a customer's contacts share them).
     */
    private record GroupKey(NoticeKind kind, int version, List<Integer> shownChanges, ContactTerms.Terms contract) {
    }

    /**
     * Notices of one batch: each group's text is rendered once (Qute, then packed), and each mail
     * only fills in its recipient's links. The result is the same mail, character for character,
     * as rendering it for the recipient alone ({@code NoticeMailsRenderOnceTest}).
     */
    public final class Batch {

        private final Map<GroupKey, Group> groups = new HashMap<>();

        private Batch() {
        }

        public Mail notice(ClaimedNotice notice, Subscriber subscriber, VersionBrief brief, Links links,
                           ContactTerms.Terms contract) {
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < brief.changes().size(); i++) {
                if (concerns(subscriber, brief.changes().get(i))) {
                    shown.add(i);
                }
            }
            GroupKey groupKey = new GroupKey(notice.kind(), brief.header().number(), List.copyOf(shown), contract);
            Group group = groups.computeIfAbsent(groupKey, key -> {
                Rendered rendered = render(key.kind(), brief, key.shownChanges().stream().map(brief.changes()::get).toList(),
                        Links.SLOTS, key.contract());
                return new Group(rendered.subject(),
                        RecipientSlots.parse(HtmlTransport.pack(rendered.html()), RecipientSlots.Escaping.HTML_ASCII),
                        RecipientSlots.parse(rendered.text(), RecipientSlots.Escaping.TEXT));
            });
            Map<String, String> values = links.values();
            Mail mail = compose(notice, group.subject(), group.html().fill(values), group.text().fill(values), links.manageToken());
            mail.addHeader(VERSION_HEADER, brief.header().number() + "; hash=" + MailHeaders.sanitize(brief.header().hash(), 64));
            return mail;
        }
    }

    /** One notice on its own (a batch of one); a batch of many renders each group once: {@link #batch()}. */
    public Mail notice(ClaimedNotice notice, Subscriber subscriber, VersionBrief brief, Links links) {
        return notice(notice, subscriber, brief, links, null);
    }

    public Mail notice(ClaimedNotice notice, Subscriber subscriber, VersionBrief brief, Links links,
                       ContactTerms.Terms contract) {
        return batch().notice(notice, subscriber, brief, links, contract);
    }

    /** A renderer for one batch of notices (not thread-safe: one per batch). */
    public Batch batch() {
        return new Batch();
    }

    public Mail confirmation(ClaimedNotice notice, Subscriber subscriber, String confirmToken, String manageToken,
                             Map<String, String> sectionTitles) {
        ConfirmationMail view = new ConfirmationMail(LIST_NAME, url("/subscription/confirm/" + confirmToken),
                ReadableDates.readable(subscriber.confirmExpiresAt), titlesOf(subscriber, sectionTitles));
        return compose(notice, "Confirm your subscription to our sub-processor changes", MailTemplates.confirmation(view),
                manageToken);
    }

    /** Sent once a subscription is confirmed: what it follows, and the link to manage it. */
    public Mail welcome(ClaimedNotice notice, Subscriber subscriber, String manageToken, Map<String, String> sectionTitles) {
        MailViews.WelcomeMail view = new MailViews.WelcomeMail(LIST_NAME, subscriber.email, titlesOf(subscriber, sectionTitles),
                url("/"), url("/subscription/" + manageToken), url("/unsubscribe/" + manageToken));
        return compose(notice, "Your subscription to our sub-processor changes is confirmed", MailTemplates.welcome(view),
                manageToken);
    }

    /** What an objection mail tells: the objection, and its outcome once resolved. */
    public record ObjectionFacts(int version, String summary, Instant effectiveAt, List<String> subprocessors, String reason,
                                 Instant receivedAt, String outcome, String resolutionNote, String statusToken) {
    }

    public Mail objection(ClaimedNotice notice, String manageToken, ObjectionFacts facts) {
        boolean resolved = notice.kind() == NoticeKind.OBJECTION_RESOLVED;
        MailViews.ObjectionMail view = new MailViews.ObjectionMail(LIST_NAME, resolved, facts.version(), facts.summary(),
                readable(facts.effectiveAt()), facts.subprocessors(), facts.reason(), ReadableDates.readable(facts.receivedAt()),
                facts.outcome(), facts.resolutionNote(), url("/objection/" + facts.statusToken()),
                url("/subscription/" + manageToken), url("/unsubscribe/" + manageToken));
        String subject = resolved ? "Your objection to version " + facts.version() + " of our sub-processors: " + facts.outcome()
                : "We received your objection to version " + facts.version() + " of our sub-processors";
        return compose(notice, subject, MailTemplates.objection(view), manageToken);
    }

    /** A staff invitation: no list headers, it is not a list mail. */
    public Mail invite(ClaimedNotice notice, String username, String token, Instant expiresAt) {
        MailViews.InviteMail view = new MailViews.InviteMail(username, url("/console/invite/" + token),
                ReadableDates.readable(expiresAt), url("/console"));
        TemplateInstance template = MailTemplates.invite(view);
        Mail mail = new Mail()
                .setFrom(from)
                .setTo(List.of(MailHeaders.sanitize(notice.recipient(), 254)))
                .setSubject(MailHeaders.subject("Set your password for the sub-processor registry console"))
                .setHtml(HtmlTransport.pack(render(template, Variant.forContentType(Variant.TEXT_HTML))))
                .setText(render(template, Variant.forContentType(Variant.TEXT_PLAIN)));
        mail.addHeader("Message-ID", messageId(notice));
        mail.addHeader("Auto-Submitted", "auto-generated");
        return mail;
    }

    /** To a contact staff added: whose notice contact it now is, with the manage and unsubscribe links. */
    public Mail contactRegistered(ClaimedNotice notice, Subscriber subscriber, String manageToken) {
        String customer = subscriber.organisation == null ? "a customer" : subscriber.organisation;
        ContactMail view = new ContactMail(LIST_NAME, customer, subscriber.name,
                subscriber.sections == null ? List.of() : Arrays.asList(subscriber.sections),
                url("/subscription/" + manageToken), url("/unsubscribe/" + manageToken));
        return compose(notice, "You are the sub-processor notice contact of " + customer,
                MailTemplates.contactRegistered(view), manageToken);
    }

    /**
     * A notice's subject and parts for the changes a recipient is shown, with the given links (or
     * slots). {@code contract} is set for a customer's contact whose customer the version obliges:
     * its mail then carries the acknowledge link, the customer's own objection deadline, and says so
     * when an emergency gave the customer less notice than its contract.
     */
    Rendered render(NoticeKind kind, VersionBrief brief, List<Change> relevant, Links links, ContactTerms.Terms contract) {
        boolean objectable = relevant.stream().anyMatch(change -> change.type() == ChangeType.ADDED);
        // The mail witnesses the version: its number, hash and signing key (see README, "Notices witness the history").
        String keyId = signatures.of(brief.header().number()).map(VersionSignature::keyId).orElse(null);
        NoticeMail view = new NoticeMail(kind, LIST_NAME, brief.header().number(), brief.header().hash(), keyId,
                brief.header().summary(),
                readable(brief.header().effectiveAt()), readable(contract == null ? brief.header().objectionDeadline()
                        : contract.objectionDeadline(brief.header().objectionDeadline(), Instant.now(clock))),
                readable(brief.header().publishedAt()), brief.header().emergencyReason(),
                ChangeLines.of(relevant, brief.sectionTitles()),
                brief.changes().size() - relevant.size(), objectable,
                url("/diff?from=" + (brief.previousNumber() == null ? brief.header().number() : brief.previousNumber())
                        + "&to=" + brief.header().number()),
                url("/objection/" + links.objectionToken()), url("/unsubscribe/" + links.manageToken()),
                url("/subscription/" + links.manageToken()),
                contract == null ? null : new ContractNote(contract.customer(), contract.requiredDays(), contract.givenDays(),
                        contract.waived(), url("/acknowledge/" + links.objectionToken())),
                brief.header().tookEffectAtPublish(),
                brief.header().isWithdrawn() ? brief.header().withdrawal().reason() : null);
        TemplateInstance template = MailTemplates.notice(view);
        return new Rendered(subject(kind, brief, relevant), render(template, Variant.forContentType(Variant.TEXT_HTML)),
                render(template, Variant.forContentType(Variant.TEXT_PLAIN)));
    }

    /** A mail to one recipient, rendered for them alone (its HTML packed for the wire as every mail's is). */
    private Mail compose(ClaimedNotice notice, String subject, TemplateInstance template, String manageToken) {
        return compose(notice, subject, HtmlTransport.pack(render(template, Variant.forContentType(Variant.TEXT_HTML))),
                render(template, Variant.forContentType(Variant.TEXT_PLAIN)), manageToken);
    }

    private Mail compose(ClaimedNotice notice, String subject, String html, String text, String manageToken) {
        Mail mail = new Mail()
                .setFrom(from)
                .setTo(List.of(MailHeaders.sanitize(notice.recipient(), 254)))
                .setSubject(MailHeaders.subject(subject))
                .setHtml(html)
                .setText(text);
        String unsubscribe = "<" + url("/unsubscribe/" + manageToken) + ">";
        mail.addHeader("Message-ID", messageId(notice));
        mail.addHeader("List-Id", listId);
        mail.addHeader("List-Unsubscribe", unsubscribe + unsubscribeMailto);
        mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.addHeader("Auto-Submitted", "auto-generated");
        return mail;
    }

    /** Our own Message-ID, so the delivery record can prove which message went out. */
    public String messageId(ClaimedNotice notice) {
        // The same for every attempt: a receiver can recognise a resend after a crash as the same message.
        return "<notice-" + notice.id() + "@" + messageIdDomain + ">";
    }

    private String subject(NoticeKind kind, VersionBrief brief, List<Change> relevant) {
        String date = readable(brief.header().effectiveAt());
        String what = describe(relevant.isEmpty() ? brief.changes() : relevant);
        return switch (kind) {
            case ANNOUNCEMENT -> brief.header().tookEffectAtPublish() ? "In effect now: sub-processor changes: " + what
                    : "Sub-processor changes on " + date + ": " + what;
            case REMINDER -> "Reminder: sub-processor changes on " + date + ": " + what;
            case EFFECTIVE -> "Now in effect: sub-processor changes of " + date;
            case ACK_REMINDER -> "Please acknowledge: sub-processor changes on " + date + ": " + what;
            case WITHDRAWAL -> "Withdrawn: the sub-processor changes announced for " + date;
            default -> throw new IllegalArgumentException(kind + " is not a notice about a version's changes");
        };
    }

    private static String describe(List<Change> changes) {
        List<String> parts = changes.stream().filter(change -> change.subprocessorId() != null).limit(3)
                .map(change -> change.name() + " " + switch (change.type()) {
                    case ADDED -> "added";
                    case REMOVED -> "removed";
                    case MOVED -> "moved";
                    default -> "changed";
                }).toList();
        if (parts.isEmpty()) {
            return changes.size() + " change(s) to sections";
        }
        long more = changes.stream().filter(change -> change.subprocessorId() != null).count() - parts.size();
        return String.join(", ", parts) + (more > 0 ? " and " + more + " more" : "");
    }

    private static boolean concerns(Subscriber subscriber, Change change) {
        List<String> sections = change.fromSection() == null ? List.of(change.section())
                : List.of(change.section(), change.fromSection());
        return subscriber.follows(sections);
    }

    /** The titles of the sections a subscriber follows (a key whose section is gone stays as it is); empty for all. */
    private static List<String> titlesOf(Subscriber subscriber, Map<String, String> sectionTitles) {
        return subscriber.sections == null ? List.of()
                : Arrays.stream(subscriber.sections).map(key -> sectionTitles.getOrDefault(key, key)).toList();
    }

    private String readable(Instant instant) {
        return ReadableDates.readable(LocalDate.ofInstant(instant, zone));
    }

    private String url(String path) {
        return baseUrl + path;
    }

    private static String render(TemplateInstance template, Variant variant) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }
}
