package io.subregistry.notice.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
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
import io.subregistry.notice.objection.Objection;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.platform.ReadableDates;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.VersionSignature;
import io.subregistry.registry.version.VersionSignatures;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the mails: subject, HTML and text parts, and the list headers (List-Id,
 * List-Unsubscribe with RFC 8058 one-click, Message-ID). Every header value passes through
 * {@link MailHeaders}, so data can never add a header.
 *
 * <p>Every subscriber mail carries the brand (From name, "[Company] " subject prefix, header block,
 * footer, List-Id description) and is written in its recipient's language: the subscriber's stored
 * {@code language} when it names an offered one, else the brand's binding language
 * ({@link #languageOf}). A legal mail in another language than the binding one says which
 * language is binding. The staff invitation stays English and unbranded.
 */
@ApplicationScoped
public class NoticeMails {

    public static final String VERSION_HEADER = "X-Subprocessor-List-Version";

    private final ZoneId zone;
    private final String baseUrl;
    private final VersionSignatures signatures;
    private final BrandService brands;
    private final java.time.Clock clock;
    private final String from;
    private final String fromAddress;
    private final String messageIdDomain;
    private final String unsubscribeMailto;
    private final Map<Language, MailMessages> messages = new EnumMap<>(Language.class);

    public NoticeMails(NoticeConfig config, RegistryConfig registry, VersionSignatures signatures, BrandService brands,
                       java.time.Clock clock) {
        this.clock = clock;
        this.signatures = signatures;
        this.brands = brands;
        this.zone = registry.zone();
        this.baseUrl = registry.publicBaseUrl().replaceAll("/+$", "");
        this.from = MailHeaders.sanitize(config.from(), 300);
        this.fromAddress = MailHeaders.addressOf(config.from());
        this.messageIdDomain = MailHeaders.sanitize(config.listId(), 200);
        this.unsubscribeMailto = config.unsubscribeMailto().map(address -> ", <mailto:" + MailHeaders.sanitize(address, 254)
                + "?subject=unsubscribe>").orElse("");
        for (Language language : Language.values()) {
            messages.put(language, language == Language.EN ? MessageBundles.get(MailMessages.class)
                    : MessageBundles.get(MailMessages.class, Localized.Literal.of(language.tag())));
        }
    }

    /**
     * The language of a mail to {@code subscriber}: the one they chose (a public subscriber at
     * subscription or on the manage page, a contact from the customers API), when it is offered;
     * else the brand's binding language, so that a reader who chose nothing reads the text that binds.
     */
    public static Language languageOf(Subscriber subscriber, Brand brand) {
        return Language.ofTag(subscriber == null ? null : subscriber.language).orElseGet(() -> bindingLanguage(brand));
    }

    static Language bindingLanguage(Brand brand) {
        return Language.ofTagOr(brand.bindingLanguage(), Language.DEFAULT);
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
     * sections decide those), the same contract terms (a customer's contacts share them) and the
     * same language. (The brand is the same for the whole batch: it is read once, when the batch starts.)
     */
    private record GroupKey(NoticeKind kind, int version, List<Integer> shownChanges, ContactTerms.Terms contract,
                            Language language) {
    }

    /**
     * Notices of one batch: each group's text is rendered once (Qute, then packed), and each mail
     * only fills in its recipient's links. The result is the same mail, character for character,
     * as rendering it for the recipient alone ({@code NoticeMailsRenderOnceTest}).
     */
    public final class Batch {

        private final Map<GroupKey, Group> groups = new HashMap<>();
        private final Brand brand;

        private Batch(Brand brand) {
            this.brand = brand;
        }

        public Mail notice(ClaimedNotice notice, Subscriber subscriber, VersionBrief brief, Links links,
                           ContactTerms.Terms contract) {
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < brief.changes().size(); i++) {
                if (concerns(subscriber, brief.changes().get(i))) {
                    shown.add(i);
                }
            }
            GroupKey groupKey = new GroupKey(notice.kind(), brief.header().number(), List.copyOf(shown), contract,
                    languageOf(subscriber, brand));
            Group group = groups.computeIfAbsent(groupKey, key -> {
                Rendered rendered = render(key.kind(), brief, key.shownChanges().stream().map(brief.changes()::get).toList(),
                        Links.SLOTS, key.contract(), key.language(), brand);
                return new Group(rendered.subject(),
                        RecipientSlots.parse(HtmlTransport.pack(rendered.html()), RecipientSlots.Escaping.HTML_ASCII),
                        RecipientSlots.parse(rendered.text(), RecipientSlots.Escaping.TEXT));
            });
            Map<String, String> values = links.values();
            Mail mail = compose(notice, brand, group.subject(), group.html().fill(values), group.text().fill(values),
                    links.manageToken());
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

    /** A renderer for one batch of notices (not thread-safe: one per batch), with the brand as it is now. */
    public Batch batch() {
        return new Batch(brands.current());
    }

    public Mail confirmation(ClaimedNotice notice, Subscriber subscriber, String confirmToken, String manageToken,
                             Map<String, String> sectionTitles) {
        Brand brand = brands.current();
        Language language = languageOf(subscriber, brand);
        MailMessages text = messages.get(language);
        ConfirmationMail view = new ConfirmationMail(page("/subscription/confirm/" + confirmToken, language),
                ReadableDates.readable(subscriber.confirmExpiresAt, language), scope(text, titlesOf(subscriber, sectionTitles)));
        return compose(notice, brand, text.subjectConfirmation(),
                MailTemplates.confirmation(view, frame(brand, language, false)), language, manageToken);
    }

    /** Sent once a subscription is confirmed: what it follows, and the link to manage it. */
    public Mail welcome(ClaimedNotice notice, Subscriber subscriber, String manageToken, Map<String, String> sectionTitles) {
        Brand brand = brands.current();
        Language language = languageOf(subscriber, brand);
        MailMessages text = messages.get(language);
        MailViews.WelcomeMail view = new MailViews.WelcomeMail(subscriber.email, scope(text, titlesOf(subscriber, sectionTitles)),
                page("/", language), page("/subscription/" + manageToken, language),
                page("/unsubscribe/" + manageToken, language));
        return compose(notice, brand, text.subjectWelcome(), MailTemplates.welcome(view, frame(brand, language, false)),
                language, manageToken);
    }

    /** What an objection mail tells: the objection, and its outcome once resolved. */
    public record ObjectionFacts(int version, String summary, Instant effectiveAt, List<String> subprocessors, String reason,
                                 Instant receivedAt, String outcome, String resolutionNote, String statusToken) {
    }

    /**
     * The receipt of an objection, or its resolution. Both are legal mails: in another language
     * than the binding one they say which language binds, as notices do.
     */
    public Mail objection(ClaimedNotice notice, Subscriber subscriber, String manageToken, ObjectionFacts facts) {
        Brand brand = brands.current();
        Language language = languageOf(subscriber, brand);
        MailMessages text = messages.get(language);
        boolean resolved = notice.kind() == NoticeKind.OBJECTION_RESOLVED;
        String outcome = facts.outcome() == null ? null : outcome(text, facts.outcome());
        MailViews.ObjectionMail view = new MailViews.ObjectionMail(resolved, facts.version(), facts.summary(),
                readable(facts.effectiveAt(), language), facts.subprocessors(), facts.reason(),
                ReadableDates.readable(facts.receivedAt(), language), outcome, facts.resolutionNote(),
                page("/objection/" + facts.statusToken(), language), page("/subscription/" + manageToken, language),
                page("/unsubscribe/" + manageToken, language));
        String subject = resolved ? text.subjectObjectionResolved(facts.version(), outcome)
                : text.subjectObjectionReceived(facts.version());
        return compose(notice, brand, subject, MailTemplates.objection(view, frame(brand, language, true)), language,
                manageToken);
    }

    /** A staff invitation: no list headers, it is not a list mail; English and unbranded, as the console is. */
    public Mail invite(ClaimedNotice notice, String username, String token, Instant expiresAt) {
        MailViews.InviteMail view = new MailViews.InviteMail(username, url("/console/invite/" + token),
                ReadableDates.readable(expiresAt), url("/console"));
        TemplateInstance template = MailTemplates.invite(view);
        Mail mail = new Mail()
                .setFrom(from)
                .setTo(List.of(MailHeaders.sanitize(notice.recipient(), 254)))
                .setSubject(MailHeaders.wireSubject("Set your password for the sub-processor registry console"))
                .setHtml(HtmlTransport.pack(render(template, Variant.forContentType(Variant.TEXT_HTML))))
                .setText(render(template, Variant.forContentType(Variant.TEXT_PLAIN)));
        mail.addHeader("Message-ID", messageId(notice));
        mail.addHeader("Auto-Submitted", "auto-generated");
        return mail;
    }

    /**
     * To a contact staff added: whose notice contact it now is, with the manage and unsubscribe
     * links. It tells the contact what the customer's contract makes of them, so it is a legal mail.
     */
    public Mail contactRegistered(ClaimedNotice notice, Subscriber subscriber, String manageToken) {
        Brand brand = brands.current();
        Language language = languageOf(subscriber, brand);
        MailMessages text = messages.get(language);
        String customer = subscriber.organisation == null ? text.yourOrganisation() : subscriber.organisation;
        ContactMail view = new ContactMail(customer, subscriber.name,
                scope(text, subscriber.sections == null ? List.of() : Arrays.asList(subscriber.sections)),
                page("/subscription/" + manageToken, language), page("/unsubscribe/" + manageToken, language));
        return compose(notice, brand, text.subjectContactRegistered(customer),
                MailTemplates.contactRegistered(view, frame(brand, language, true)), language, manageToken);
    }

    /**
     * A notice's subject and parts for the changes a recipient is shown, in {@code language} and
     * with {@code brand}, with the given links (or slots). {@code contract} is set for a customer's
     * contact whose customer the version obliges: its mail then carries the acknowledge link, the
     * customer's own objection deadline, and says so when an emergency gave the customer less
     * notice than its contract.
     */
    Rendered render(NoticeKind kind, VersionBrief brief, List<Change> relevant, Links links, ContactTerms.Terms contract,
                    Language language, Brand brand) {
        MailMessages text = messages.get(language);
        boolean objectable = relevant.stream().anyMatch(change -> change.type() == ChangeType.ADDED);
        // The mail witnesses the version: its number, hash and signing key (see README, "Notices witness the history").
        String keyId = signatures.of(brief.header().number()).map(VersionSignature::keyId).orElse(null);
        NoticeMail view = new NoticeMail(kind, brief.header().number(), brief.header().hash(), keyId,
                brief.header().summary(),
                readable(brief.header().effectiveAt(), language),
                readable(contract == null ? brief.header().objectionDeadline()
                        : contract.objectionDeadline(brief.header().objectionDeadline(), Instant.now(clock)), language),
                readable(brief.header().publishedAt(), language), brief.header().emergencyReason(),
                ChangeLines.of(relevant, brief.sectionTitles()),
                brief.changes().size() - relevant.size(), objectable,
                page("/diff?from=" + (brief.previousNumber() == null ? brief.header().number() : brief.previousNumber())
                        + "&to=" + brief.header().number(), language),
                page("/objection/" + links.objectionToken(), language), page("/unsubscribe/" + links.manageToken(), language),
                page("/subscription/" + links.manageToken(), language),
                contract == null ? null : new ContractNote(contract.customer(), contract.requiredDays(), contract.givenDays(),
                        contract.waived(), page("/acknowledge/" + links.objectionToken(), language)),
                brief.header().tookEffectAtPublish(),
                brief.header().isWithdrawn() ? brief.header().withdrawal().reason() : null);
        TemplateInstance template = MailTemplates.notice(view, frame(brand, language, true)).setLocale(language.locale());
        return new Rendered(brand.subjectPrefix() + subject(text, kind, brief, language),
                render(template, Variant.forContentType(Variant.TEXT_HTML)),
                render(template, Variant.forContentType(Variant.TEXT_PLAIN)));
    }

    /** A mail to one recipient, rendered for them alone (its HTML packed for the wire as every mail's is). */
    private Mail compose(ClaimedNotice notice, Brand brand, String subject, TemplateInstance template, Language language,
                         String manageToken) {
        template.setLocale(language.locale());
        return compose(notice, brand, brand.subjectPrefix() + subject,
                HtmlTransport.pack(render(template, Variant.forContentType(Variant.TEXT_HTML))),
                render(template, Variant.forContentType(Variant.TEXT_PLAIN)), manageToken);
    }

    private Mail compose(ClaimedNotice notice, Brand brand, String subject, String html, String text, String manageToken) {
        Mail mail = new Mail()
                .setFrom(MailHeaders.mailbox(brand.companyName(), fromAddress))
                .setTo(List.of(MailHeaders.sanitize(notice.recipient(), 254)))
                .setSubject(MailHeaders.wireSubject(subject))
                .setHtml(html)
                .setText(text);
        String unsubscribe = "<" + url("/unsubscribe/" + manageToken) + ">";
        mail.addHeader("Message-ID", messageId(notice));
        mail.addHeader("List-Id", listId(brand));
        mail.addHeader("List-Unsubscribe", unsubscribe + unsubscribeMailto);
        mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.addHeader("Auto-Submitted", "auto-generated");
        return mail;
    }

    /** "Acme Health sub-processor notices <subprocessors.acme.example>": one list, one name, whatever the reader's language. */
    String listId(Brand brand) {
        String name = brand.companyName() == null ? "" : brand.companyName() + " ";
        return MailHeaders.phrase(name + "sub-processor notices", 150) + " <" + messageIdDomain + ">";
    }

    /** The header block, footer and binding statement of a mail in {@code language}; {@code legal} mails state the binding language. */
    MailFrame frame(Brand brand, Language language, boolean legal) {
        MailMessages text = messages.get(language);
        Language binding = bindingLanguage(brand);
        String statement = !legal || binding == language ? null : switch (binding) {
            case EN -> text.bindingEn();
            case DE -> text.bindingDe();
            case FR -> text.bindingFr();
        };
        return new MailFrame(language.tag(), brand.companyName(), brand.accentColor(),
                brand.hasLogo() ? url(brand.logo().url()) : null,
                brand.legalPagesUrl() != null ? brand.legalPagesUrl() : url("/"),
                brand.privacyUrl(), brand.dpaUrl(), brand.legalPagesUrl(), brand.contactEmail(), brand.footer(), statement);
    }

    /** Our own Message-ID, so the delivery record can prove which message went out. */
    public String messageId(ClaimedNotice notice) {
        // The same for every attempt: a receiver can recognise a resend after a crash as the same message.
        return "<notice-" + notice.id() + "@" + messageIdDomain + ">";
    }

    /** The subject without the brand's prefix: the seed page's words, "Upcoming change to our sub-processors, effective February 1, 2027". */
    private String subject(MailMessages text, NoticeKind kind, VersionBrief brief, Language language) {
        String date = readable(brief.header().effectiveAt(), language);
        return switch (kind) {
            case ANNOUNCEMENT -> brief.header().tookEffectAtPublish() ? text.subjectInEffect(date) : text.subjectUpcoming(date);
            case REMINDER -> text.subjectReminder(date);
            case EFFECTIVE -> text.subjectEffective(date);
            case ACK_REMINDER -> text.subjectAckReminder(date);
            case WITHDRAWAL -> text.subjectWithdrawal(date);
            default -> throw new IllegalArgumentException(kind + " is not a notice about a version's changes");
        };
    }

    /** An objection's outcome in the mail's words ({@link ObjectionService#outcomeWords} gives the English ones). */
    private static String outcome(MailMessages text, String english) {
        for (Objection.Outcome outcome : Objection.Outcome.values()) {
            if (ObjectionService.outcomeWords(outcome).equals(english)) {
                return switch (outcome) {
                    case UPHELD -> text.outcomeUpheld();
                    case REJECTED -> text.outcomeRejected();
                    case WITHDRAWN -> text.outcomeWithdrawn();
                };
            }
        }
        return english;
    }

    /** "(all sections)" or "(sections: Product, Support)" in the mail's language. */
    private static String scope(MailMessages text, List<String> sections) {
        return sections.isEmpty() ? text.allSections() : text.sectionsFollowed(String.join(", ", sections));
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

    private String readable(Instant instant, Language language) {
        return ReadableDates.readable(LocalDate.ofInstant(instant, zone), language);
    }

    private String url(String path) {
        return baseUrl + path;
    }

    /** A link to one of our pages from a mail: the page opens in the mail's language, whatever the browser prefers. */
    private String page(String path, Language language) {
        return url(path) + (path.contains("?") ? "&" : "?") + "lang=" + language.tag();
    }

    private static String render(TemplateInstance template, Variant variant) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }
}
