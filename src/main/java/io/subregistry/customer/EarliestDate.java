package io.subregistry.customer;

import java.time.LocalDate;
import java.util.List;

/**
 * The earliest effective date of the draft that breaches no contract of a customer its changes
 * concern, the notice period that decides it, and the customers whose contracts bind it (none
 * when the registry's own notice period decides).
 */
public record EarliestDate(LocalDate date, int noticePeriodDays, List<ObligationRepository.Binding> bindingCustomers) {
}
