package io.subregistry.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.subregistry.customer.CustomerView;
import io.subregistry.customer.ObligationReport;
import io.subregistry.web.console.ConsolePages.Form;

import java.util.List;

/** The console's customer and obligation pages (templates/console). */
@CheckedTemplate(basePath = "console")
final class CustomerPages {

    private CustomerPages() {
    }

    /** Where the previous and next pages of a list are (null: none), and which page this is of how many. */
    record Pager(Integer previous, Integer next, int shownPage, long pages) {
        static Pager of(CustomerView.Page page) {
            long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
            return new Pager(page.page() > 0 ? page.page() - 1 : null, page.page() + 1 < pages ? page.page() + 1 : null,
                    page.page() + 1, pages);
        }
    }

    static native TemplateInstance customers(Frame frame, CustomerView.Page page, Pager pager, String q, boolean archived,
                                             Form form, Form importForm, String sectionKeys);

    static native TemplateInstance customer(Frame frame, CustomerView customer, Form form);

    static native TemplateInstance obligations(Frame frame, ObligationReport report, List<ObligationReport.Obligation> shown);
}
