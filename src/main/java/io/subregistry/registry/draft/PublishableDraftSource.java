package io.subregistry.registry.draft;

import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.PreconditionRequiredException;
import io.subregistry.platform.error.StaleRevisionException;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.version.PublishableDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The draft as publishing sees it: its lock, its revision and its content as a snapshot. */
@ApplicationScoped
public class PublishableDraftSource implements PublishableDraft {

    private final DraftRepository drafts;
    private final DraftSectionRepository sections;
    private final DraftSubprocessorRepository entries;

    public PublishableDraftSource(DraftRepository drafts, DraftSectionRepository sections,
                                  DraftSubprocessorRepository entries) {
        this.drafts = drafts;
        this.sections = sections;
        this.entries = entries;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Revision lockReviewed(Precondition reviewed) {
        Revision current = revision(drafts.lockForChange());
        if (reviewed == null || !reviewed.namesARevision()) {
            throw new PreconditionRequiredException("say which draft you reviewed: send If-Match with the ETag of"
                    + " GET /api/v1/draft/diff (or GET /api/v1/draft)");
        }
        if (!reviewed.allows(current.etag())) {
            throw new StaleRevisionException((Revisions.isWellFormed(reviewed) ? "the draft changed since you read it"
                    : "If-Match does not name a revision of the draft") + " (now " + current.etag()
                    + "); review the diff again before publishing");
        }
        return current;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Revision lockForReading() {
        return revision(drafts.lockForReading());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Revision rebase(String actor, Instant at) {
        DraftState draft = drafts.lockForChange();
        draft.touch(actor, at);
        return revision(draft);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Snapshot snapshot() {
        Map<UUID, List<Subprocessor>> bySection = entries.snapshotBySection();
        return new Snapshot(sections.inPageOrder().stream()
                .map(section -> new Section(section.sectionKey, section.title, section.description, section.note,
                        bySection.getOrDefault(section.id, List.of())))
                .toList());
    }

    private static Revision revision(DraftState draft) {
        return new Revision(draft.revision, Revisions.ofDraft(draft.revision));
    }
}
