package io.subregistry.registry.draft;

import io.subregistry.platform.csv.CsvWriter;

/**
 * The draft as a file that imports back unchanged: CSV with the columns of the public list's
 * CSV (ids keep entries matched, section titles let new sections be created), or the JSON of
 * {@code GET /api/v1/draft}.
 */
public final class DraftExport {

    private DraftExport() {
    }

    public static String csv(DraftView draft) {
        CsvWriter csv = new CsvWriter().row("section", "sectionTitle", "id", "name", "legalAddress", "location",
                "processingActivity", "website", "dataCategories", "transferMechanism", "dpaUrl");
        for (DraftView.SectionView section : draft.sections()) {
            for (DraftView.EntryView entry : section.subprocessors()) {
                csv.row(section.key(), section.title(), entry.id(), entry.name(), entry.legalAddress(), entry.location(),
                        entry.processingActivity(), entry.website(), entry.dataCategories(), entry.transferMechanism(),
                        entry.dpaUrl());
            }
        }
        return csv.toString();
    }
}
