package io.subregistry.diff;

import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.SubprocessorField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.subregistry.diff.ChangeType.ADDED;
import static io.subregistry.diff.ChangeType.MODIFIED;
import static io.subregistry.diff.ChangeType.MOVED;
import static io.subregistry.diff.ChangeType.REMOVED;
import static io.subregistry.diff.ChangeType.SECTION_ADDED;
import static io.subregistry.diff.ChangeType.SECTION_MODIFIED;
import static io.subregistry.diff.ChangeType.SECTION_REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SnapshotDiffTest {

    private static final Subprocessor AWS = entry(1, "AWS");
    private static final Subprocessor CLOUDFLARE = entry(2, "Cloudflare");
    private static final Subprocessor SENTRY = entry(3, "Sentry");
    private static final Subprocessor HUBSPOT = entry(4, "HubSpot");
    private static final Subprocessor ZAPIER = entry(5, "Zapier");

    // ------------------------------------------------------------------ nothing changed

    @Test
    void identicalSnapshotsHaveNoChanges() {
        Snapshot snapshot = snapshot(section("product", AWS, CLOUDFLARE), section("sales", HUBSPOT));
        Snapshot sameContent = snapshot(section("product", CLOUDFLARE, AWS), section("sales", HUBSPOT));

        assertThat(SnapshotDiff.between(snapshot, snapshot).isEmpty()).isTrue();
        assertThat(SnapshotDiff.between(snapshot, sameContent).changes()).isEmpty();
    }

    @Test
    void twoEmptySnapshotsHaveNoChanges() {
        assertThat(SnapshotDiff.between(Snapshot.EMPTY, Snapshot.EMPTY).isEmpty()).isTrue();
    }

    // ------------------------------------------------------------------ entries

    @Test
    void aNewEntryIsAddedWithItsSectionAndAllItsFields() {
        Snapshot before = snapshot(section("product", AWS));
        Snapshot after = snapshot(section("product", AWS, SENTRY));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).containsExactly(
                new Change(ADDED, SENTRY.id(), "Sentry", "product", null, List.of(), SENTRY));
    }

    @Test
    void aMissingEntryIsRemovedFromTheSectionItWasIn() {
        Snapshot before = snapshot(section("product", AWS), section("sales", HUBSPOT));
        Snapshot after = snapshot(section("product", AWS), section("sales"));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).containsExactly(
                new Change(REMOVED, HUBSPOT.id(), "HubSpot", "sales", null, List.of(), HUBSPOT));
    }

    @Test
    void aChangedFieldIsAModificationWithItsValueBeforeAndAfter() {
        Subprocessor moved = with(SENTRY, SubprocessorField.LOCATION, "USA");
        Snapshot before = snapshot(section("product", AWS, SENTRY));
        Snapshot after = snapshot(section("product", AWS, moved));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).containsExactly(new Change(MODIFIED, SENTRY.id(), "Sentry", "product", null,
                List.of(new FieldChange("location", "EU", "USA")), moved));
    }

    @Test
    void changedFieldsAreListedInTheOrderOfSubprocessorField() {
        Subprocessor edited = with(with(with(SENTRY,
                SubprocessorField.DPA_URL, "https://sentry.io/dpa"),
                SubprocessorField.NAME, "Sentry Inc."),
                SubprocessorField.PROCESSING_ACTIVITY, "Crash reports");

        Diff diff = SnapshotDiff.between(snapshot(section("product", SENTRY)), snapshot(section("product", edited)));

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(MODIFIED);
            assertThat(change.name()).isEqualTo("Sentry Inc.");
            assertThat(change.fields()).containsExactly(
                    new FieldChange("name", "Sentry", "Sentry Inc."),
                    new FieldChange("processingActivity", "Error reports", "Crash reports"),
                    new FieldChange("dpaUrl", null, "https://sentry.io/dpa"));
        });
    }

    @Test
    void anOptionalFieldThatIsClearedHasNoValueAfter() {
        Subprocessor withWebsite = with(AWS, SubprocessorField.WEBSITE, "https://aws.amazon.com");

        Diff diff = SnapshotDiff.between(snapshot(section("product", withWebsite)), snapshot(section("product", AWS)));

        assertThat(diff.changes()).hasSize(1);
        assertThat(diff.changes().get(0).fields())
                .containsExactly(new FieldChange("website", "https://aws.amazon.com", null));
    }

    @Test
    void aRenameIsAModificationNotARemovalAndAnAddition() {
        Subprocessor renamed = with(AWS, SubprocessorField.NAME, "Amazon Web Services");

        Diff diff = SnapshotDiff.between(snapshot(section("product", AWS, SENTRY)),
                snapshot(section("product", renamed, SENTRY)));

        assertThat(diff.changes()).extracting(Change::type, Change::subprocessorId, Change::name)
                .containsExactly(tuple(MODIFIED, AWS.id(), "Amazon Web Services"));
    }

    @Test
    void anEntryInAnotherSectionIsMovedFromItsOldSection() {
        Snapshot before = snapshot(section("product", AWS, SENTRY), section("sales", HUBSPOT));
        Snapshot after = snapshot(section("product", AWS), section("sales", HUBSPOT, SENTRY));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).containsExactly(
                new Change(MOVED, SENTRY.id(), "Sentry", "sales", "product", List.of(), SENTRY));
    }

    @Test
    void aMoveWithAnEditIsBothMovedAndModified() {
        Subprocessor edited = with(SENTRY, SubprocessorField.LOCATION, "USA");
        Snapshot before = snapshot(section("product", SENTRY), section("sales"));
        Snapshot after = snapshot(section("product"), section("sales", edited));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).extracting(Change::type, Change::section, Change::fromSection)
                .containsExactly(tuple(MOVED, "sales", "product"), tuple(MODIFIED, "sales", null));
        assertThat(diff.ofType(MODIFIED).get(0).fields()).containsExactly(new FieldChange("location", "EU", "USA"));
    }

    // ------------------------------------------------------------------ sections

    @Test
    void aNewSectionIsSectionAddedAndItsEntriesAreAdded() {
        Snapshot before = snapshot(section("product", AWS));
        Snapshot after = snapshot(section("product", AWS), section("sales", HUBSPOT));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).extracting(Change::type, Change::name, Change::section)
                .containsExactly(tuple(SECTION_ADDED, "Sales", "sales"), tuple(ADDED, "HubSpot", "sales"));
        assertThat(diff.ofType(SECTION_ADDED).get(0).subprocessorId()).isNull();
    }

    @Test
    void aDroppedSectionIsSectionRemovedAndItsEntriesAreRemoved() {
        Snapshot before = snapshot(section("product", AWS), section("sales", HUBSPOT));
        Snapshot after = snapshot(section("product", AWS));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).extracting(Change::type, Change::name, Change::section)
                .containsExactly(tuple(REMOVED, "HubSpot", "sales"), tuple(SECTION_REMOVED, "Sales", "sales"));
    }

    @Test
    void changedTitleDescriptionAndNoteAreOneSectionModificationInThatOrder() {
        Section before = new Section("sales", "Sales", "For sales.", null, List.of(HUBSPOT));
        Section after = new Section("sales", "Sales and marketing", "For sales and marketing.", "No health data.",
                List.of(HUBSPOT));

        Diff diff = SnapshotDiff.between(snapshot(before), snapshot(after));

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(SECTION_MODIFIED);
            assertThat(change.name()).isEqualTo("Sales and marketing");
            assertThat(change.section()).isEqualTo("sales");
            assertThat(change.fields()).containsExactly(
                    new FieldChange("title", "Sales", "Sales and marketing"),
                    new FieldChange("description", "For sales.", "For sales and marketing."),
                    new FieldChange("note", null, "No health data."));
        });
    }

    @Test
    void swappingTwoSectionsChangesBothPositions() {
        Section product = section("product", AWS);
        Section sales = section("sales", HUBSPOT);

        Diff diff = SnapshotDiff.between(snapshot(product, sales), snapshot(sales, product));

        assertThat(diff.changes()).extracting(Change::type, Change::section, Change::fields).containsExactly(
                tuple(SECTION_MODIFIED, "product", List.of(new FieldChange("position", "1", "2"))),
                tuple(SECTION_MODIFIED, "sales", List.of(new FieldChange("position", "2", "1"))));
    }

    @Test
    void insertingASectionInFrontDoesNotMoveTheOthers() {
        Section product = section("product", AWS);
        Section sales = section("sales", HUBSPOT);
        Section support = section("support", ZAPIER);

        Diff diff = SnapshotDiff.between(snapshot(product, sales), snapshot(support, product, sales));

        assertThat(diff.changes()).extracting(Change::type, Change::section)
                .containsExactly(tuple(SECTION_ADDED, "support"), tuple(ADDED, "support"));
    }

    @Test
    void removingTheFirstSectionDoesNotMoveTheOthers() {
        Section product = section("product", AWS);
        Section sales = section("sales", HUBSPOT);
        Section support = section("support", ZAPIER);

        Diff diff = SnapshotDiff.between(snapshot(support, product, sales), snapshot(product, sales));

        assertThat(diff.changes()).extracting(Change::type, Change::section)
                .containsExactly(tuple(REMOVED, "support"), tuple(SECTION_REMOVED, "support"));
    }

    // ------------------------------------------------------------------ direction

    @Test
    void comparingTheOtherWayRoundTurnsAdditionsIntoRemovals() {
        Subprocessor sentryInUsa = with(SENTRY, SubprocessorField.LOCATION, "USA");
        Snapshot older = snapshot(section("product", AWS, SENTRY), section("sales", HUBSPOT));
        Snapshot newer = snapshot(section("product", AWS), section("sales", HUBSPOT, sentryInUsa),
                section("support", ZAPIER));

        Diff forward = SnapshotDiff.between(older, newer);
        Diff backward = SnapshotDiff.between(newer, older);

        assertThat(forward.changes()).extracting(Change::type, Change::name, Change::section, Change::fromSection)
                .containsExactly(
                        tuple(SECTION_ADDED, "Support", "support", null),
                        tuple(ADDED, "Zapier", "support", null),
                        tuple(MOVED, "Sentry", "sales", "product"),
                        tuple(MODIFIED, "Sentry", "sales", null));
        assertThat(backward.changes()).extracting(Change::type, Change::name, Change::section, Change::fromSection)
                .containsExactly(
                        tuple(MOVED, "Sentry", "product", "sales"),
                        tuple(MODIFIED, "Sentry", "product", null),
                        tuple(REMOVED, "Zapier", "support", null),
                        tuple(SECTION_REMOVED, "Support", "support", null));
        assertThat(forward.ofType(MODIFIED).get(0).fields()).containsExactly(new FieldChange("location", "EU", "USA"));
        assertThat(backward.ofType(MODIFIED).get(0).fields()).containsExactly(new FieldChange("location", "USA", "EU"));
    }

    @Test
    void aRemovalListsTheEntryAsItWas() {
        Diff diff = SnapshotDiff.between(snapshot(section("product", AWS, SENTRY)), snapshot(section("product", AWS)));

        assertThat(diff.ofType(REMOVED)).singleElement().extracting(Change::entry).isEqualTo(SENTRY);
    }

    @Test
    void fromTheEmptySnapshotEverythingIsAdded() {
        Snapshot full = snapshot(section("product", AWS, CLOUDFLARE, SENTRY), section("sales", HUBSPOT, ZAPIER));

        Diff diff = SnapshotDiff.between(Snapshot.EMPTY, full);

        Map<ChangeType, Integer> counts = diff.counts();
        assertThat(counts).containsEntry(SECTION_ADDED, 2).containsEntry(ADDED, 5)
                .containsEntry(MOVED, 0).containsEntry(MODIFIED, 0).containsEntry(REMOVED, 0)
                .containsEntry(SECTION_MODIFIED, 0).containsEntry(SECTION_REMOVED, 0);
        assertThat(counts).hasSize(ChangeType.values().length);
    }

    @Test
    void toTheEmptySnapshotEverythingIsRemoved() {
        Snapshot full = snapshot(section("product", AWS, CLOUDFLARE, SENTRY), section("sales", HUBSPOT, ZAPIER));

        Diff diff = SnapshotDiff.between(full, Snapshot.EMPTY);

        assertThat(diff.changes()).extracting(Change::type).containsOnly(REMOVED, SECTION_REMOVED);
        assertThat(diff.ofType(REMOVED)).hasSize(5);
        assertThat(diff.ofType(SECTION_REMOVED)).hasSize(2);
    }

    // ------------------------------------------------------------------ ordering

    @Test
    void changesAreSortedByTypeThenByNameIgnoringCase() {
        Subprocessor apple = entry(10, "apple");
        Subprocessor banana = entry(11, "Banana");
        Subprocessor cherry = entry(12, "cherry");
        Snapshot before = snapshot(section("product", AWS, SENTRY));
        Snapshot after = snapshot(section("product", cherry, banana, apple, with(SENTRY, SubprocessorField.LOCATION, "USA")),
                section("sales"));

        Diff diff = SnapshotDiff.between(before, after);

        assertThat(diff.changes()).extracting(Change::type, Change::name).containsExactly(
                tuple(SECTION_ADDED, "Sales"),
                tuple(ADDED, "apple"),
                tuple(ADDED, "Banana"),
                tuple(ADDED, "cherry"),
                tuple(MODIFIED, "Sentry"),
                tuple(REMOVED, "AWS"));
    }

    @Test
    void entriesWithTheSameNameAreOrderedByTheirId() {
        Subprocessor first = entry(20, "Acme");
        Subprocessor second = entry(21, "acme");

        Diff diff = SnapshotDiff.between(Snapshot.EMPTY, snapshot(section("product", second, first)));

        assertThat(diff.ofType(ADDED)).extracting(Change::subprocessorId).containsExactly(first.id(), second.id());
    }

    @Test
    void theSameSnapshotsBuiltInAnotherOrderGiveTheSameDiff() {
        List<Subprocessor> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(entry(100 + i, "Vendor " + (char) ('A' + i % 26) + i));
        }
        List<Subprocessor> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(7));
        Snapshot before = snapshot(section("product", AWS, SENTRY));

        Diff one = SnapshotDiff.between(before, new Snapshot(List.of(section("product"), section("sales", entries))));
        Diff other = SnapshotDiff.between(before, new Snapshot(List.of(section("product"), section("sales", shuffled))));

        assertThat(other.changes()).isEqualTo(one.changes());
        assertThat(one.changes()).hasSize(1 + 30 + 2);
    }

    // ------------------------------------------------------------------ size

    /** Not a timing test: a large list must be compared entry by entry and come out complete. */
    @Test
    void aLargeListIsComparedEntryByEntry() {
        int perSection = 2_000;
        List<Section> before = new ArrayList<>();
        List<Section> after = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            List<Subprocessor> old = new ArrayList<>();
            List<Subprocessor> now = new ArrayList<>();
            for (int i = 0; i < perSection; i++) {
                Subprocessor entry = entry(s * perSection + i, "Vendor " + s + "-" + i);
                old.add(entry);
                now.add(i % 2 == 0 ? with(entry, SubprocessorField.LOCATION, "USA") : entry);
            }
            before.add(section("s" + s, old));
            after.add(section("s" + s, now));
        }

        Diff diff = SnapshotDiff.between(new Snapshot(before), new Snapshot(after));

        assertThat(diff.changes()).hasSize(10 * perSection / 2).allMatch(change -> change.type() == MODIFIED);
    }

    // ------------------------------------------------------------------ helpers

    static Subprocessor entry(int id, String name) {
        return new Subprocessor(new UUID(0, id), name, "1 Example Street, 10115 Berlin, Germany", "EU",
                "Error reports", null, null, null, null);
    }

    /** A copy of the entry with one field changed. */
    static Subprocessor with(Subprocessor entry, SubprocessorField field, String value) {
        Map<SubprocessorField, String> values = new EnumMap<>(SubprocessorField.class);
        for (SubprocessorField f : SubprocessorField.values()) {
            values.put(f, f.valueOf(entry));
        }
        values.put(field, value);
        return new Subprocessor(entry.id(), values.get(SubprocessorField.NAME), values.get(SubprocessorField.LEGAL_ADDRESS),
                values.get(SubprocessorField.LOCATION), values.get(SubprocessorField.PROCESSING_ACTIVITY),
                values.get(SubprocessorField.WEBSITE), values.get(SubprocessorField.DATA_CATEGORIES),
                values.get(SubprocessorField.TRANSFER_MECHANISM), values.get(SubprocessorField.DPA_URL));
    }

    static Section section(String key, Subprocessor... entries) {
        return section(key, List.of(entries));
    }

    static Section section(String key, List<Subprocessor> entries) {
        String title = Character.toUpperCase(key.charAt(0)) + key.substring(1);
        return new Section(key, title, null, null, entries);
    }

    static Snapshot snapshot(Section... sections) {
        return new Snapshot(List.of(sections));
    }
}
