package io.subregistry.web.console;

import io.subregistry.customer.Contracts;
import io.subregistry.customer.EarliestDate;
import io.subregistry.diff.ChangeLines;
import io.subregistry.notice.NoticeAudience;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView;
import io.subregistry.registry.version.DraftPreview;
import io.subregistry.registry.version.EffectiveAt;
import io.subregistry.registry.version.PublishCommand;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.PublishedVersion;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.security.Roles;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The diff of the draft against the latest version, and publishing it as the next version. */
@Path("/console/publish")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.TEXT_HTML)
public class ConsolePublishResource {

    private final PublishService publisher;
    private final DraftService draft;
    private final NoticeAudience audience;
    private final Console console;
    private final RegistryConfig config;
    private final Clock clock;
    private final Contracts contracts;
    private final VersionQueries versions;

    public ConsolePublishResource(PublishService publisher, DraftService draft, NoticeAudience audience, Console console,
                                  RegistryConfig config, Clock clock, Contracts contracts, VersionQueries versions) {
        this.contracts = contracts;
        this.versions = versions;
        this.publisher = publisher;
        this.draft = draft;
        this.audience = audience;
        this.console = console;
        this.config = config;
        this.clock = clock;
    }

    @GET
    public Response publishPage() {
        return publishPage(200, Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@BeanParam PublishForm form) {
        return console.submit(form, request -> {
            PublishedVersion version = publisher.publish(new PublishCommand(EffectiveAt.parse(request.effectiveAt()),
                    request.summary().strip(), request.emergencyReason(), request.noticePeriodDays(),
                    Forms.draftRevision(form.revision())), console.user());
            return console.redirect("/console/versions/" + version.number(), "published");
        }, this::publishPage);
    }

    /** The diff and the revision in the form come from one read: publishing the form publishes what the page shows. */
    private Response publishPage(int status, Form form) {
        DraftPreview preview = publisher.preview();
        Instant now = Instant.now(clock);
        LocalDate registryEarliest = publisher.rules().earliestDate(now);
        String minimum = LocalDate.ofInstant(now, config.zone()).toString();
        Set<String> touched = new HashSet<>();
        preview.diff().changes().forEach(change -> {
            touched.add(change.section());
            if (change.fromSection() != null) {
                touched.add(change.fromSection());
            }
        });
        List<String> empty = draft.view().sections().stream().filter(section -> section.subprocessors().isEmpty())
                .map(DraftView.SectionView::title).toList();
        // Customers' contracts may need more notice: the form suggests the earliest date that keeps them all.
        EarliestDate lawful = contracts.earliest();
        ConsolePages.ContractTerms terms = new ConsolePages.ContractTerms(lawful,
                lawful.bindingCustomers().isEmpty() ? List.of() : contracts.breachedOn(registryEarliest), registryEarliest);
        String earliest = (lawful.bindingCustomers().isEmpty() ? registryEarliest : lawful.date()).toString();
        return console.page(status, ConsolePages.publish(console.frame(null),
                ChangeLines.of(preview.diff().changes(), preview.sectionTitles()), preview.draftRevision(), earliest, minimum,
                config.noticePeriodDays(), form, new ConsolePages.PublishFacts(audience.subscribersFollowing(touched), empty),
                terms,
                versions.upcoming().stream().reduce((first, second) -> second)
                        .map(header -> new ConsolePages.Waiting(header.number(),
                                LocalDate.ofInstant(header.effectiveAt(), config.zone()))).orElse(null)));
    }
}
