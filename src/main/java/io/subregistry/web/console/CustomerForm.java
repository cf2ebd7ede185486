package io.subregistry.web.console;

import io.subregistry.customer.ContactInput;
import io.subregistry.customer.CustomerInput;
import io.subregistry.customer.CustomerView;
import jakarta.validation.constraints.Pattern;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers page's form (add and edit). Its input is the API's {@link CustomerInput}; the form
 * types numbers as text, sections separated by commas or spaces, and one contact per line
 * ({@code address} or {@code Name <address>}).
 */
public record CustomerForm(@RestForm String revision, @RestForm String name, @RestForm String reference,
                           @RestForm @Pattern(regexp = "\\s*\\d{0,4}\\s*", message = "must be a number of days")
                           String noticePeriodDays,
                           @RestForm @Pattern(regexp = "\\s*\\d{0,4}\\s*", message = "must be a number of days")
                           String objectionWindowDays,
                           @RestForm String sections, @RestForm String contacts) implements ConsoleForm<CustomerInput> {

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("(.*)<([^<>]*)>\\s*");

    @Override
    public CustomerInput toInput() {
        List<ContactInput> parsed = Forms.shown(contacts).lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> {
                    var named = NAMED.matcher(line);
                    return named.matches() ? new ContactInput(named.group(2), named.group(1), null) : new ContactInput(line, null, null);
                }).toList();
        return new CustomerInput(name, reference, days(noticePeriodDays), days(objectionWindowDays),
                Arrays.stream(Forms.shown(sections).split("[,;\\s]+")).filter(key -> !key.isBlank()).toList(), parsed);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", Forms.shown(name));
        values.put("reference", Forms.shown(reference));
        values.put("noticePeriodDays", Forms.shown(noticePeriodDays));
        values.put("objectionWindowDays", Forms.shown(objectionWindowDays));
        values.put("sections", Forms.shown(sections));
        values.put("contacts", Forms.shown(contacts));
        return values;
    }

    /** The form filled with a customer as it is. */
    static Map<String, String> of(CustomerView customer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", customer.name());
        values.put("reference", customer.reference() == null ? "" : customer.reference());
        values.put("noticePeriodDays", String.valueOf(customer.noticePeriodDays()));
        values.put("objectionWindowDays", customer.objectionWindowDays() == null ? "" : String.valueOf(customer.objectionWindowDays()));
        values.put("sections", String.join(", ", customer.sections()));
        values.put("contacts", String.join("\n", customer.contacts().stream()
                .filter(contact -> contact.status() != CustomerView.ContactStatus.UNSUBSCRIBED)
                .map(contact -> contact.name() == null ? contact.email() : contact.name() + " <" + contact.email() + ">").toList()));
        return values;
    }

    private static Integer days(String typed) {
        String value = typed == null ? "" : typed.strip();
        return value.matches("\\d{1,4}") ? Integer.valueOf(value) : null;
    }
}
