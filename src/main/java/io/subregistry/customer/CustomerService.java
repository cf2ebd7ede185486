package io.subregistry.customer;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.notice.NoticeRepository;
import io.subregistry.notice.Subscriber;
import io.subregistry.notice.SubscriberRepository;
import io.subregistry.notice.TokenService;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.PreconditionRequiredException;
import io.subregistry.platform.error.RegistryException.Violation;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.platform.error.StaleRevisionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Customers and their contacts, written by legal staff. A contact is a subscriber that belongs
 * to its customer: confirmed at once (the contract names it, no double opt-in), told so by a
 * CONTACT_REGISTERED mail, and announced every still-upcoming version from then on.
 */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final SubscriberRepository subscribers;
    private final NoticeRepository notices;
    private final ObligationRepository obligations;
    private final TokenService tokens;
    private final AuditLog audit;
    private final RegistryConfig registry;
    private final Validator validator;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, SubscriberRepository subscribers, NoticeRepository notices,
                           ObligationRepository obligations, TokenService tokens, AuditLog audit, RegistryConfig registry,
                           Validator validator, Clock clock) {
        this.customers = customers;
        this.subscribers = subscribers;
        this.notices = notices;
        this.obligations = obligations;
        this.tokens = tokens;
        this.audit = audit;
        this.registry = registry;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public CustomerView create(CustomerInput input, String actor) {
        Customer customer = insert(input, actor);
        return views(List.of(customer)).get(0);
    }

    @Transactional
    public CustomerView require(UUID id) {
        return views(List.of(find(id))).get(0);
    }

    @Transactional
    public CustomerView.Page search(String q, Boolean atRisk, boolean archived, int page, int size) {
        ObligationRepository.IdPage ids = obligations.search(q == null || q.isBlank() ? null : q.strip(), atRisk, archived,
                page, size, Instant.now(clock));
        Map<UUID, Customer> found = customers.list("id in ?1", ids.ids()).stream()
                .collect(Collectors.toMap(customer -> customer.id, Function.identity()));
        List<Customer> ordered = ids.ids().stream().map(found::get).filter(Objects::nonNull).toList();
        return new CustomerView.Page(ids.total(), page, size, views(ordered));
    }

    /** Replaces a customer's terms and contacts; {@code ifMatch} must name its current revision. */
    @Transactional
    public CustomerView update(UUID id, CustomerInput input, Precondition ifMatch, String actor) {
        Customer customer = find(id);
        if (!ifMatch.namesARevision()) {
            throw new PreconditionRequiredException("send If-Match with the customer's ETag (" + CustomerView.etagOf(customer.revision)
                    + "), so that nobody's change is overwritten unseen");
        }
        if (!ifMatch.allows(CustomerView.etagOf(customer.revision))) {
            throw new StaleRevisionException("the customer changed since you read it (now " + CustomerView.etagOf(customer.revision)
                    + "); read it again and repeat your change");
        }
        if (customer.isArchived()) {
            throw new ConflictException("customer " + customer.name + " is archived; its terms no longer change");
        }
        apply(customer, input, actor);
        return views(List.of(customer)).get(0);
    }

    @Transactional
    public CustomerView archive(UUID id, String actor) {
        Customer customer = find(id);
        if (!customer.isArchived()) {
            Instant now = Instant.now(clock);
            customer.archivedAt = now;
            for (Subscriber contact : subscribers.contactsOf(id)) {
                if (contact.status == Subscriber.Status.CONFIRMED) {
                    contact.status = Subscriber.Status.UNSUBSCRIBED;
                    contact.unsubscribedAt = now;
                }
            }
            audit.record(actor, AuditAction.CUSTOMER_ARCHIVED, "customer " + id, Map.of("name", customer.name));
            customers.flush();
        }
        return views(List.of(customer)).get(0);
    }

    /** What an import did. */
    public record ImportResult(int created, int updated, int unchanged) {
    }

    /**
     * Imports customers from CSV, all or nothing: every line is checked first and the file is
     * refused naming each line that is wrong. Lines are matched by {@code reference} (required),
     * so importing the same file again changes nothing.
     */
    @Transactional
    public ImportResult importCsv(String text, String actor) {
        List<CustomerCsv.Line> lines = CustomerCsv.parse(text);
        List<Violation> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CustomerCsv.Line line : lines) {
            for (ConstraintViolation<CustomerInput> violation : validator.validate(line.input())) {
                problems.add(Violation.ofLine(line.line(), violation.getPropertyPath().toString(), violation.getMessage()));
            }
            String reference = line.input().reference();
            if (reference == null) {
                problems.add(Violation.ofLine(line.line(), "reference", "is required in an import: lines are matched by it"));
            } else if (seen.putIfAbsent(reference.toLowerCase(Locale.ROOT), line.line()) != null) {
                problems.add(Violation.ofLine(line.line(), "reference", "repeats line " + seen.get(reference.toLowerCase(Locale.ROOT))));
            }
        }
        if (!problems.isEmpty()) {
            throw CustomerCsv.refusal(problems);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (CustomerCsv.Line line : lines) {
            Customer existing = customers.findByReference(line.input().reference()).orElse(null);
            if (existing == null) {
                insert(line.input(), actor);
                created++;
            } else if (existing.isArchived()) {
                throw CustomerCsv.refusal(List.of(Violation.ofLine(line.line(), "reference",
                        "customer " + existing.name + " with this reference is archived")));
            } else if (apply(existing, line.input(), actor)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        audit.record(actor, AuditAction.CUSTOMERS_IMPORTED, "customers",
                Map.of("created", created, "updated", updated, "unchanged", unchanged));
        return new ImportResult(created, updated, unchanged);
    }

    private Customer find(UUID id) {
        return customers.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("there is no customer " + id));
    }

    private Customer insert(CustomerInput input, String actor) {
        ensureReferenceFree(input.reference(), null);
        Instant now = Instant.now(clock);
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.createdAt = now;
        terms(customer, input);
        customers.persist(customer);
        customers.flush();
        contacts(customer, input.contacts(), now);
        audit.record(actor, AuditAction.CUSTOMER_CREATED, "customer " + customer.id, details(customer, input));
        return customer;
    }

    /** Applies new terms and contacts; returns whether anything changed. */
    private boolean apply(Customer customer, CustomerInput input, String actor) {
        ensureReferenceFree(input.reference(), customer.id);
        Instant now = Instant.now(clock);
        boolean termsChanged = !Objects.equals(customer.name, input.name()) || !Objects.equals(customer.reference, input.reference())
                || customer.noticePeriodDays != noticeDays(input) || !Objects.equals(customer.objectionWindowDays, input.objectionWindowDays())
                || !Arrays.equals(customer.sections, sections(input));
        if (termsChanged) {
            terms(customer, input);
            for (Subscriber contact : subscribers.contactsOf(customer.id)) {
                contact.organisation = customer.name;
                contact.sections = customer.sections;
            }
        }
        boolean contactsChanged = contacts(customer, input.contacts(), now);
        if (!termsChanged && !contactsChanged) {
            return false;
        }
        if (!termsChanged) {
            // the contacts are part of the customer's representation, so of its ETag
            customers.getEntityManager().lock(customer, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        audit.record(actor, AuditAction.CUSTOMER_UPDATED, "customer " + customer.id, details(customer, input));
        customers.flush();
        return true;
    }

    private void terms(Customer customer, CustomerInput input) {
        customer.name = input.name();
        customer.reference = input.reference();
        customer.noticePeriodDays = noticeDays(input);
        customer.objectionWindowDays = input.objectionWindowDays();
        customer.sections = sections(input);
    }

    private int noticeDays(CustomerInput input) {
        return input.noticePeriodDays() == null ? (int) registry.noticePeriodDays() : input.noticePeriodDays();
    }

    private static String[] sections(CustomerInput input) {
        return input.sections().isEmpty() ? null : input.sections().stream().sorted().toArray(String[]::new);
    }

    /**
     * Makes the customer's contacts the given ones: new addresses become live contacts (a removed
     * one comes back), missing ones are removed (kept for the evidence); returns whether anything changed.
     */
    private boolean contacts(Customer customer, List<ContactInput> wanted, Instant now) {
        Map<String, ContactInput> byAddress = new LinkedHashMap<>();
        wanted.forEach(contact -> byAddress.putIfAbsent(contact.email().toLowerCase(Locale.ROOT), contact));
        Map<String, Subscriber> existing = subscribers.contactsOf(customer.id).stream()
                .collect(Collectors.toMap(contact -> contact.email.toLowerCase(Locale.ROOT), Function.identity()));
        boolean changed = false;
        List<Subscriber> added = new ArrayList<>();
        for (Map.Entry<String, ContactInput> entry : byAddress.entrySet()) {
            ContactInput input = entry.getValue();
            Subscriber contact = existing.get(entry.getKey());
            if (contact == null) {
                contact = new Subscriber();
                contact.id = UUID.randomUUID();
                contact.email = input.email();
                contact.createdAt = now;
                contact.manageNonce = UUID.randomUUID();
                contact.manageTokenHash = TokenService.hash(tokens.token(TokenService.Purpose.MANAGE, contact.id, contact.manageNonce));
                contact.customerId = customer.id;
                revive(contact, customer, now);
                contact.name = input.name();
                contact.language = input.language();
                subscribers.persist(contact);
                added.add(contact);
                changed = true;
                continue;
            }
            if (contact.removedAt != null) {
                revive(contact, customer, now);
                added.add(contact);
                changed = true;
            }
            if (!Objects.equals(contact.name, input.name()) || !Objects.equals(contact.language, input.language())) {
                contact.name = input.name();
                contact.language = input.language();
                changed = true;
            }
        }
        for (Map.Entry<String, Subscriber> entry : existing.entrySet()) {
            Subscriber contact = entry.getValue();
            if (!byAddress.containsKey(entry.getKey()) && contact.removedAt == null) {
                contact.removedAt = now;
                if (contact.status == Subscriber.Status.CONFIRMED) {
                    contact.status = Subscriber.Status.UNSUBSCRIBED;
                    contact.unsubscribedAt = now;
                }
                changed = true;
            }
        }
        if (!added.isEmpty()) {
            subscribers.flush();
            for (Subscriber contact : added) {
                notices.queueContactRegistered(contact.id, contact.email, now);
                notices.queueUpcomingFor(contact.id, now);
            }
        }
        return changed;
    }

    private static void revive(Subscriber contact, Customer customer, Instant now) {
        contact.status = Subscriber.Status.CONFIRMED;
        contact.confirmedAt = now;
        contact.unsubscribedAt = null;
        contact.removedAt = null;
        contact.organisation = customer.name;
        contact.sections = customer.sections;
    }

    private void ensureReferenceFree(String reference, UUID self) {
        if (reference == null) {
            return;
        }
        customers.findByReference(reference).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new ConflictException("the reference " + reference + " belongs to customer " + other.name,
                    List.of(Violation.ofField("reference", "already used by " + other.id)));
        });
    }

    private static Map<String, Object> details(Customer customer, CustomerInput input) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", customer.name);
        details.put("noticePeriodDays", customer.noticePeriodDays);
        if (customer.objectionWindowDays != null) {
            details.put("objectionWindowDays", customer.objectionWindowDays);
        }
        details.put("contacts", input.contacts().size());
        return details;
    }

    /** Views of customers with their contacts, read in a few queries whatever their number. */
    List<CustomerView> views(List<Customer> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = list.stream().map(customer -> customer.id).toList();
        Map<UUID, List<Subscriber>> contacts = subscribers.list("customerId in ?1 and removedAt is null order by createdAt, email", ids)
                .stream().collect(Collectors.groupingBy(contact -> contact.customerId));
        Set<UUID> failed = obligations.failedContacts(contacts.values().stream().flatMap(List::stream)
                .map(contact -> contact.id).toList());
        Set<UUID> risky = new HashSet<>(obligations.withOpenRisk(ids, Instant.now(clock)));
        List<CustomerView> views = new ArrayList<>(list.size());
        for (Customer customer : list) {
            List<CustomerView.Contact> shown = contacts.getOrDefault(customer.id, List.of()).stream()
                    .sorted(Comparator.comparing(contact -> contact.createdAt))
                    .map(contact -> new CustomerView.Contact(contact.id, contact.email, contact.name, contact.language,
                            failed.contains(contact.id) ? CustomerView.ContactStatus.FAILED
                                    : contact.status == Subscriber.Status.CONFIRMED ? CustomerView.ContactStatus.LIVE
                                    : CustomerView.ContactStatus.UNSUBSCRIBED))
                    .toList();
            int live = (int) shown.stream().filter(contact -> contact.status() == CustomerView.ContactStatus.LIVE).count();
            views.add(new CustomerView(customer.id, customer.name, customer.reference, customer.noticePeriodDays,
                    customer.objectionWindowDays, customer.sections == null ? List.of() : List.of(customer.sections), shown,
                    live, !customer.isArchived() && (live == 0 || risky.contains(customer.id)), customer.isArchived(),
                    customer.revision));
        }
        return views;
    }
}
