package io.subregistry.customer;

import io.subregistry.platform.validation.PlainText;
import io.subregistry.platform.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A customer as staff write it (API, console and CSV import).
 *
 * @param noticePeriodDays    the contract's notice; absent: the registry's notice period
 * @param objectionWindowDays days from notice to object; absent: until the effective date
 * @param sections            section keys the contract covers; absent or empty: every section
 * @param contacts            the notice addresses the contract names
 */
public record CustomerInput(
        @NotBlank @Size(max = 200) @PlainText String name,
        @Size(min = 1, max = 100) @PlainText String reference,
        @Min(0) @Max(3650) Integer noticePeriodDays,
        @Min(0) @Max(3650) Integer objectionWindowDays,
        @Size(max = 50) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String> sections,
        @Size(max = 20) List<@NotNull @Valid ContactInput> contacts) {

    public CustomerInput {
        name = Text.trim(name);
        reference = Text.trimToNull(reference);
        sections = sections == null ? List.of() : sections.stream().map(String::strip).distinct().toList();
        contacts = contacts == null ? List.of() : contacts;
    }
}
