package io.subregistry.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.SubprocessorField;
import jakarta.json.JsonArray;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPatchGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Looked up once: Json.createXxx() would search the class path for a provider on every call. */
    private static final JsonProvider JSON_P = JsonProvider.provider();

    private static final Subprocessor AWS = entry(1, "AWS");
    private static final Subprocessor CLOUDFLARE = entry(2, "Cloudflare");
    private static final Subprocessor SENTRY = entry(3, "Sentry");
    private static final Subprocessor HUBSPOT = entry(4, "HubSpot");
    private static final Subprocessor ZAPIER = entry(5, "Zapier");

    // ------------------------------------------------------------------ shape of the patch

    @Test
    void identicalSnapshotsGiveAnEmptyPatch() {
        Snapshot snapshot = snapshot(section("product", AWS, SENTRY), section("sales", HUBSPOT));

        assertThat(patch(snapshot, snapshot)).isEmpty();
    }

    @Test
    void aPureFieldChangeIsOneReplaceOnThatField() {
        Snapshot before = snapshot(section("product", AWS, CLOUDFLARE, SENTRY), section("sales", HUBSPOT));
        Snapshot after = snapshot(section("product", AWS, with(CLOUDFLARE, SubprocessorField.LOCATION, "USA"), SENTRY),
                section("sales", HUBSPOT));

        ArrayNode patch = patch(before, after);

        assertThat(patch).containsExactly(json("""
                {"op": "replace", "path": "/sections/0/subprocessors/1/location", "value": "USA"}"""));
        assertTurnsInto(before, after);
    }

    @Test
    void anOptionalFieldThatGetsAValueIsAnAdd() {
        Snapshot before = snapshot(section("product", AWS, SENTRY));
        Snapshot after = snapshot(section("product", AWS, with(SENTRY, SubprocessorField.WEBSITE, "https://sentry.io")));

        assertThat(patch(before, after)).containsExactly(json("""
                {"op": "add", "path": "/sections/0/subprocessors/1/website", "value": "https://sentry.io"}"""));
        assertTurnsInto(before, after);
    }

    @Test
    void anOptionalFieldThatIsClearedIsARemove() {
        Snapshot before = snapshot(section("product", AWS, with(SENTRY, SubprocessorField.DPA_URL, "https://sentry.io/dpa")));
        Snapshot after = snapshot(section("product", AWS, SENTRY));

        assertThat(patch(before, after)).containsExactly(json("""
                {"op": "remove", "path": "/sections/0/subprocessors/1/dpaUrl"}"""));
        assertTurnsInto(before, after);
    }

    @Test
    void aSectionTitleChangeIsOneReplace() {
        Snapshot before = snapshot(section("product", AWS), section("sales", HUBSPOT));
        Snapshot after = snapshot(section("product", AWS), new Section("sales", "Sales and marketing", null, null,
                List.of(HUBSPOT)));

        assertThat(patch(before, after)).containsExactly(json("""
                {"op": "replace", "path": "/sections/1/title", "value": "Sales and marketing"}"""));
        assertTurnsInto(before, after);
    }

    @Test
    void aSectionNoteCanBeAddedAndRemoved() {
        Snapshot without = snapshot(section("product", AWS));
        Snapshot with = snapshot(new Section("product", "Product", null, "No patient data.", List.of(AWS)));

        assertThat(patch(without, with)).extracting(op -> op.get("op").asText() + " " + op.get("path").asText())
                .containsExactly("add /sections/0/note");
        assertThat(patch(with, without)).extracting(op -> op.get("op").asText() + " " + op.get("path").asText())
                .containsExactly("remove /sections/0/note");
        assertTurnsInto(without, with);
        assertTurnsInto(with, without);
    }

    // ------------------------------------------------------------------ entries

    @Test
    void anEntryAddedAtTheStartIsOneAddAtIndexZero() {
        Subprocessor first = entry(10, "Ada");
        Snapshot before = snapshot(section("product", AWS, SENTRY));
        Snapshot after = snapshot(section("product", first, AWS, SENTRY));

        assertThat(opsAndPaths(patch(before, after))).containsExactly("add /sections/0/subprocessors/0");
        assertTurnsInto(before, after);
    }

    @Test
    void anEntryAddedInTheMiddleIsOneAddAtItsIndex() {
        Snapshot before = snapshot(section("product", AWS, SENTRY));
        Snapshot after = snapshot(section("product", AWS, CLOUDFLARE, SENTRY));

        ArrayNode patch = patch(before, after);

        assertThat(opsAndPaths(patch)).containsExactly("add /sections/0/subprocessors/1");
        assertThat(patch.get(0).get("value")).isEqualTo(JSON.valueToTree(CLOUDFLARE));
        assertTurnsInto(before, after);
    }

    @Test
    void anEntryAddedAtTheEndIsOneAddAtTheLastIndex() {
        Snapshot before = snapshot(section("product", AWS, SENTRY));
        Snapshot after = snapshot(section("product", AWS, SENTRY, ZAPIER));

        assertThat(opsAndPaths(patch(before, after))).containsExactly("add /sections/0/subprocessors/2");
        assertTurnsInto(before, after);
    }

    @Test
    void aRemovedEntryIsOneRemove() {
        Snapshot before = snapshot(section("product", AWS, CLOUDFLARE, SENTRY));
        Snapshot after = snapshot(section("product", AWS, SENTRY));

        assertThat(opsAndPaths(patch(before, after))).containsExactly("remove /sections/0/subprocessors/1");
        assertTurnsInto(before, after);
    }

    @Test
    void severalRemovalsKeepTheirIndicesValid() {
        Snapshot before = snapshot(section("product", AWS, CLOUDFLARE, HUBSPOT, SENTRY, ZAPIER));
        Snapshot after = snapshot(section("product", CLOUDFLARE, SENTRY));

        assertThat(patch(before, after)).hasSize(3).allMatch(op -> op.get("op").asText().equals("remove"));
        assertTurnsInto(before, after);
    }

    @Test
    void aRenameThatChangesSortOrderIsAMoveInThePatch() {
        // Section keeps entries sorted by name: "AWS" → "Zoom Video" moves from the first place to the last.
        Snapshot before = snapshot(section("product", AWS, CLOUDFLARE, SENTRY));
        Snapshot after = snapshot(section("product", with(AWS, SubprocessorField.NAME, "Zoom Video"), CLOUDFLARE, SENTRY));

        ArrayNode patch = patch(before, after);

        assertThat(opsAndPaths(patch)).doesNotContain("remove /sections/0/subprocessors/0")
                .noneMatch(op -> op.startsWith("add "))
                .anyMatch(op -> op.startsWith("move /sections/0/subprocessors/"))
                .contains("replace /sections/0/subprocessors/2/name");
        assertTurnsInto(before, after);
    }

    @Test
    void anEntryMovedToAnotherSectionLeavesOneListAndJoinsTheOther() {
        Snapshot before = snapshot(section("product", AWS, SENTRY), section("sales", HUBSPOT, ZAPIER));
        Snapshot after = snapshot(section("product", AWS), section("sales", HUBSPOT, SENTRY, ZAPIER));

        assertThat(opsAndPaths(patch(before, after)))
                .containsExactly("remove /sections/0/subprocessors/1", "add /sections/1/subprocessors/1");
        assertTurnsInto(before, after);
    }

    // ------------------------------------------------------------------ sections

    @Test
    void aNewSectionIsOneAdd() {
        Snapshot before = snapshot(section("product", AWS), section("support", ZAPIER));
        Snapshot after = snapshot(section("product", AWS), section("sales", HUBSPOT), section("support", ZAPIER));

        assertThat(opsAndPaths(patch(before, after))).containsExactly("add /sections/1");
        assertTurnsInto(before, after);
    }

    @Test
    void aDroppedSectionIsOneRemove() {
        Snapshot before = snapshot(section("product", AWS), section("sales", HUBSPOT), section("support", ZAPIER));
        Snapshot after = snapshot(section("product", AWS), section("support", ZAPIER));

        assertThat(opsAndPaths(patch(before, after))).containsExactly("remove /sections/1");
        assertTurnsInto(before, after);
    }

    @Test
    void reorderedSectionsAreMovedNotRewritten() {
        Section product = section("product", AWS, SENTRY);
        Section sales = section("sales", HUBSPOT);
        Section support = section("support", ZAPIER);
        Snapshot before = snapshot(product, sales, support);
        Snapshot after = snapshot(support, product, sales);

        assertThat(patch(before, after)).isNotEmpty().allMatch(op -> op.get("op").asText().equals("move"));
        assertTurnsInto(before, after);
        assertTurnsInto(after, before);
    }

    @Test
    void anEmptySnapshotCanBePatchedIntoAFullOneAndBack() {
        Snapshot full = snapshot(section("product", AWS, SENTRY), section("sales", HUBSPOT));

        assertTurnsInto(Snapshot.EMPTY, full);
        assertTurnsInto(full, Snapshot.EMPTY);
    }

    @Test
    void valuesThatLookLikePointerSyntaxArePatchedVerbatim() {
        Subprocessor odd = entry(30, "a/b ~0 ~1 \"quoted\" ünïcödé");
        Snapshot before = snapshot(section("product", AWS));
        Snapshot after = snapshot(section("product", AWS, with(odd, SubprocessorField.DATA_CATEGORIES, "/sections/0")));

        assertTurnsInto(before, after);
    }

    // ------------------------------------------------------------------ the property, on random pairs

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, 0xC0FFEE})
    void applyingThePatchToTheFirstSnapshotGivesTheSecond(long seed) {
        RandomSnapshots random = new RandomSnapshots(seed);
        Set<String> kindsSeen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Snapshot a = random.snapshot();
            Snapshot b = random.edited(a);
            assertTurnsInto(a, b);
            assertTurnsInto(b, a);
            patch(a, b).forEach(op -> kindsSeen.add(op.get("op").asText()));
        }
        // the edits must really exercise every kind of operation, or the property proves little
        assertThat(kindsSeen).contains("add", "remove", "replace", "move");
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 99})
    void unrelatedRandomSnapshotsCanAlsoBePatchedIntoEachOther(long seed) {
        RandomSnapshots random = new RandomSnapshots(seed);
        for (int i = 0; i < 200; i++) {
            assertTurnsInto(random.snapshot(), random.snapshot());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static ArrayNode patch(Snapshot from, Snapshot to) {
        return JsonPatchGenerator.diff(JSON.valueToTree(from), JSON.valueToTree(to));
    }

    private static List<String> opsAndPaths(ArrayNode patch) {
        List<String> shown = new ArrayList<>();
        patch.forEach(op -> shown.add(op.get("op").asText() + " " + op.get("path").asText()));
        return shown;
    }

    /** Applies the generated patch with Parsson (a standard JSON-P implementation) and compares JSON values. */
    private static void assertTurnsInto(Snapshot from, Snapshot to) {
        ArrayNode patch = patch(from, to);
        JsonArray operations = JSON_P.createReader(new StringReader(patch.toString())).readArray();
        JsonStructure document = JSON_P.createReader(new StringReader(write(from))).read();

        JsonValue patched = JSON_P.createPatch(operations).apply(document);

        JsonValue expected = JSON_P.createReader(new StringReader(write(to))).read();
        assertThat(patched).as(() -> patch + " applied to " + write(from)).isEqualTo(expected);
    }

    private static String write(Snapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static Subprocessor entry(int id, String name) {
        return new Subprocessor(new UUID(0, id), name, "1 Example Street, 10115 Berlin, Germany", "EU",
                "Error reports", null, null, null, null);
    }

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
        return new Section(key, Character.toUpperCase(key.charAt(0)) + key.substring(1), null, null, List.of(entries));
    }

    static Snapshot snapshot(Section... sections) {
        return new Snapshot(List.of(sections));
    }

    /**
     * Random snapshots and random edits of them: fields set, changed and cleared, renames (which
     * change the sorted position), entries added, removed and moved between sections, sections
     * added, removed, reordered and retitled.
     */
    private static final class RandomSnapshots {

        private static final List<String> NAMES = List.of("acme", "Acme", "AWS", "beta", "Cloudflare", "Gong.io",
                "HubSpot", "sentry", "Twilio", "Zapier", "zoom", "Ünïcode GmbH", "a/b~c");
        private static final List<String> KEYS = List.of("product", "sales", "support", "hr", "finance", "legal", "it");
        private static final List<String> VALUES = List.of("EU", "USA", "USA/EU", "Customer location", "", "x,y",
                "\"quoted\"", "line\nbreak", "phone\u2011call", "/sections/0", "~1");

        private final Random random;
        private int nextId = 1;

        RandomSnapshots(long seed) {
            this.random = new Random(seed);
        }

        Snapshot snapshot() {
            List<String> keys = new ArrayList<>(KEYS);
            Collections.shuffle(keys, random);
            List<Section> sections = new ArrayList<>();
            int count = random.nextInt(5);
            for (int s = 0; s < count; s++) {
                List<Subprocessor> entries = new ArrayList<>();
                int size = random.nextInt(7);
                for (int e = 0; e < size; e++) {
                    entries.add(newEntry());
                }
                sections.add(new Section(keys.get(s), pick(NAMES) + " section", maybe(pick(VALUES)), maybe(pick(VALUES)),
                        entries));
            }
            return new Snapshot(sections);
        }

        Snapshot edited(Snapshot original) {
            List<MutableSection> sections = new ArrayList<>();
            original.sections().forEach(section -> sections.add(new MutableSection(section)));
            int edits = random.nextInt(7);
            for (int i = 0; i < edits; i++) {
                edit(sections);
            }
            return new Snapshot(sections.stream().map(MutableSection::toSection).toList());
        }

        private void edit(List<MutableSection> sections) {
            List<MutableSection> nonEmpty = sections.stream().filter(s -> !s.entries.isEmpty()).toList();
            switch (random.nextInt(9)) {
                case 0, 1 -> {
                    if (!nonEmpty.isEmpty()) {
                        MutableSection section = pick(nonEmpty);
                        int at = random.nextInt(section.entries.size());
                        SubprocessorField field = pick(List.of(SubprocessorField.values()));
                        String value = field == SubprocessorField.NAME ? pick(NAMES) + random.nextInt(3)
                                : field.ordinal() <= SubprocessorField.PROCESSING_ACTIVITY.ordinal() ? pick(VALUES)
                                : maybe(pick(VALUES));
                        section.entries.set(at, with(section.entries.get(at), field, value));
                    }
                }
                case 2 -> {
                    if (!nonEmpty.isEmpty()) {
                        MutableSection section = pick(nonEmpty);
                        section.entries.remove(random.nextInt(section.entries.size()));
                    }
                }
                case 3 -> {
                    if (!sections.isEmpty()) {
                        pick(sections).entries.add(newEntry());
                    }
                }
                case 4 -> {
                    if (!nonEmpty.isEmpty() && sections.size() > 1) {
                        MutableSection from = pick(nonEmpty);
                        MutableSection to = pick(sections);
                        if (to != from) {
                            to.entries.add(from.entries.remove(random.nextInt(from.entries.size())));
                        }
                    }
                }
                case 5 -> {
                    Set<String> used = new HashSet<>();
                    sections.forEach(s -> used.add(s.key));
                    List<String> free = KEYS.stream().filter(key -> !used.contains(key)).toList();
                    if (!free.isEmpty()) {
                        MutableSection added = new MutableSection(new Section(pick(free), "New", null, null, List.of()));
                        added.entries.add(newEntry());
                        sections.add(random.nextInt(sections.size() + 1), added);
                    }
                }
                case 6 -> {
                    if (!sections.isEmpty()) {
                        sections.remove(random.nextInt(sections.size()));
                    }
                }
                case 7 -> {
                    if (sections.size() > 1) {
                        MutableSection moved = sections.remove(random.nextInt(sections.size()));
                        sections.add(random.nextInt(sections.size() + 1), moved);
                    }
                }
                default -> {
                    if (!sections.isEmpty()) {
                        MutableSection section = pick(sections);
                        switch (random.nextInt(3)) {
                            case 0 -> section.title = pick(NAMES) + " things";
                            case 1 -> section.description = maybe(pick(VALUES));
                            default -> section.note = maybe(pick(VALUES));
                        }
                    }
                }
            }
        }

        private Subprocessor newEntry() {
            return new Subprocessor(new UUID(random.nextLong(), nextId++), pick(NAMES), pick(VALUES), pick(VALUES),
                    pick(VALUES), maybe("https://example.com/" + random.nextInt(100)), maybe(pick(VALUES)),
                    maybe("SCC"), maybe(pick(VALUES)));
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private String maybe(String value) {
            return random.nextBoolean() ? value : null;
        }
    }

    private static final class MutableSection {
        final String key;
        String title;
        String description;
        String note;
        final List<Subprocessor> entries;

        MutableSection(Section section) {
            key = section.key();
            title = section.title();
            description = section.description();
            note = section.note();
            entries = new ArrayList<>(section.subprocessors());
        }

        Section toSection() {
            return new Section(key, title, description, note, entries);
        }
    }
}
