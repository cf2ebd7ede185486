package io.subregistry.registry.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private static final Subprocessor ADA = new Subprocessor(new UUID(0, 1), "ADA", "Köpenicker Str. 126, 10179 Berlin",
            "EU", "Support chats", null, null, null, "https://ada.example/dpa");
    private static final Subprocessor ZOOM = new Subprocessor(new UUID(0, 2), "Zoom", "55 Almaden Blvd, San Jose",
            "USA/EU", "Meetings", "https://zoom.us", "Audio, video", "SCC", null);

    private static final VersionContent FIRST = new VersionContent(1, Instant.parse("2026-02-02T09:00:00Z"),
            Instant.parse("2026-03-05T00:00:00Z"), "Initial list", "legal@example.com", null, 30,
            new Snapshot(List.of(new Section("support", "Support", "Customer service tools.", null, List.of(ADA)))));

    /** FIRST in canonical form, written by hand: keys in alphabetical order at every level, no nulls, no spaces. */
    private static final String FIRST_CANONICAL = "{\"effectiveAt\":\"2026-03-05T00:00:00Z\",\"noticePeriodDays\":30,"
            + "\"number\":1,\"publishedAt\":\"2026-02-02T09:00:00Z\",\"publisher\":\"legal@example.com\","
            + "\"snapshot\":{\"sections\":[{\"description\":\"Customer service tools.\",\"key\":\"support\","
            + "\"subprocessors\":[{\"dpaUrl\":\"https://ada.example/dpa\",\"id\":\"00000000-0000-0000-0000-000000000001\","
            + "\"legalAddress\":\"Köpenicker Str. 126, 10179 Berlin\",\"location\":\"EU\",\"name\":\"ADA\","
            + "\"processingActivity\":\"Support chats\"}],\"title\":\"Support\"}]},\"summary\":\"Initial list\"}";

    private static final String SOME_PREVIOUS = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void theCanonicalJsonIsCompactWithSortedKeysAndWithoutNulls() {
        assertThat(HashChain.canonicalJson(FIRST)).isEqualTo(FIRST_CANONICAL);
    }

    @Test
    void theHashIsSha256OfThePreviousHashANewlineAndTheCanonicalJson() {
        assertThat(HashChain.hash(SOME_PREVIOUS, FIRST)).isEqualTo(sha256Hex(SOME_PREVIOUS + "\n" + FIRST_CANONICAL));
    }

    @Test
    void theFirstVersionLinksToAnEmptyPreviousHash() {
        assertThat(HashChain.hash(null, FIRST)).isEqualTo(sha256Hex("\n" + FIRST_CANONICAL));
    }

    @Test
    void theHashIs64LowerCaseHexDigits() {
        assertThat(HashChain.hash(null, FIRST)).matches("[0-9a-f]{64}");
    }

    @Test
    void theSameContentAlwaysHasTheSameHash() {
        VersionContent rebuilt = new VersionContent(1, Instant.parse("2026-02-02T09:00:00Z"),
                Instant.parse("2026-03-05T00:00:00Z"), "Initial list", "legal@example.com", null, 30,
                new Snapshot(List.of(new Section("support", "Support", "Customer service tools.", null,
                        List.of(new Subprocessor(new UUID(0, 1), "ADA", "Köpenicker Str. 126, 10179 Berlin", "EU",
                                "Support chats", null, null, null, "https://ada.example/dpa"))))));

        assertThat(HashChain.hash(SOME_PREVIOUS, rebuilt)).isEqualTo(HashChain.hash(SOME_PREVIOUS, FIRST));
        assertThat(HashChain.canonicalJson(rebuilt)).isEqualTo(HashChain.canonicalJson(FIRST));
    }

    @Test
    void entriesAreHashedInPageOrderWhateverOrderTheyWereGivenIn() {
        VersionContent oneWay = content(new Snapshot(List.of(new Section("s", "S", null, null, List.of(ADA, ZOOM)))));
        VersionContent otherWay = content(new Snapshot(List.of(new Section("s", "S", null, null, List.of(ZOOM, ADA)))));

        assertThat(HashChain.hash(null, otherWay)).isEqualTo(HashChain.hash(null, oneWay));
    }

    @Test
    void keysAreSortedAtEveryLevelAndNoValueIsNull() throws Exception {
        Subprocessor full = new Subprocessor(new UUID(0, 3), "Full", "Street 1", "EU", "All", "https://full.example",
                "Contacts", "SCC", "https://full.example/dpa");
        VersionContent everything = new VersionContent(7, Instant.parse("2026-02-02T09:00:00.123Z"),
                Instant.parse("2026-02-03T00:00:00Z"), "All fields", "legal@example.com", "Incident", 3,
                new Snapshot(List.of(new Section("product", "Product", "Description", "Note", List.of(ADA, full, ZOOM)),
                        new Section("empty", "Empty", null, null, List.of()))));

        JsonNode tree = new ObjectMapper().readTree(HashChain.canonicalJson(everything));

        assertSortedWithoutNulls(tree);
        assertThat(tree.path("snapshot").path("sections").get(0).path("subprocessors").get(1).size())
                .as("every field of a fully filled entry").isEqualTo(9);
        assertThat(HashChain.canonicalJson(everything)).doesNotContain("\n", ": ", "null");
    }

    @Test
    void aDifferentPreviousHashGivesADifferentHash() {
        assertThat(HashChain.hash(SOME_PREVIOUS, FIRST)).isNotEqualTo(HashChain.hash(SOME_PREVIOUS.replace('a', 'b'), FIRST))
                .isNotEqualTo(HashChain.hash(null, FIRST));
    }

    @Test
    void changingAnEarlierVersionBreaksEveryLaterLink() {
        VersionContent second = content(new Snapshot(List.of(new Section("support", "Support", null, null, List.of(ADA, ZOOM)))));
        VersionContent tamperedFirst = new VersionContent(1, FIRST.publishedAt(), FIRST.effectiveAt(), "Initial list!",
                FIRST.publisher(), null, 30, FIRST.snapshot());

        String honest = HashChain.hash(HashChain.hash(null, FIRST), second);
        String tampered = HashChain.hash(HashChain.hash(null, tamperedFirst), second);

        assertThat(tampered).isNotEqualTo(honest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void anyChangeOfTheContentChangesTheHash(String change, VersionContent changed) {
        assertThat(HashChain.hash(SOME_PREVIOUS, changed)).isNotEqualTo(HashChain.hash(SOME_PREVIOUS, base()));
    }

    @Test
    void everyVariantHasItsOwnHash() {
        Set<String> hashes = new HashSet<>();
        List<Arguments> variants = variants().toList();
        variants.forEach(variant -> hashes.add(HashChain.hash(SOME_PREVIOUS, (VersionContent) variant.get()[1])));
        hashes.add(HashChain.hash(SOME_PREVIOUS, base()));

        assertThat(hashes).hasSize(variants.size() + 1);
    }

    // ------------------------------------------------------------------ helpers

    private static VersionContent base() {
        return new VersionContent(2, Instant.parse("2026-02-02T09:00:00Z"), Instant.parse("2026-03-05T00:00:00Z"),
                "Add Zoom", "legal@example.com", null, 30, new Snapshot(List.of(
                new Section("product", "Product", "Platform.", "No patient data.", List.of(ZOOM)),
                new Section("support", "Support", "Service.", null, List.of(ADA)))));
    }

    static Stream<Arguments> variants() {
        VersionContent b = base();
        List<Arguments> variants = new ArrayList<>();
        variants.add(Arguments.of("number", new VersionContent(3, b.publishedAt(), b.effectiveAt(), b.summary(), b.publisher(),
                b.emergencyReason(), b.noticePeriodDays(), b.snapshot())));
        variants.add(Arguments.of("publishedAt", new VersionContent(b.number(), b.publishedAt().plusMillis(1), b.effectiveAt(),
                b.summary(), b.publisher(), b.emergencyReason(), b.noticePeriodDays(), b.snapshot())));
        variants.add(Arguments.of("effectiveAt", new VersionContent(b.number(), b.publishedAt(), b.effectiveAt().plusSeconds(86400),
                b.summary(), b.publisher(), b.emergencyReason(), b.noticePeriodDays(), b.snapshot())));
        variants.add(Arguments.of("summary", new VersionContent(b.number(), b.publishedAt(), b.effectiveAt(), "Add Zoom.",
                b.publisher(), b.emergencyReason(), b.noticePeriodDays(), b.snapshot())));
        variants.add(Arguments.of("publisher", new VersionContent(b.number(), b.publishedAt(), b.effectiveAt(), b.summary(),
                "dpo@example.com", b.emergencyReason(), b.noticePeriodDays(), b.snapshot())));
        variants.add(Arguments.of("emergencyReason", new VersionContent(b.number(), b.publishedAt(), b.effectiveAt(),
                b.summary(), b.publisher(), "Incident", b.noticePeriodDays(), b.snapshot())));
        variants.add(Arguments.of("noticePeriodDays", new VersionContent(b.number(), b.publishedAt(), b.effectiveAt(),
                b.summary(), b.publisher(), b.emergencyReason(), 31, b.snapshot())));
        String[] fields = {"name", "legalAddress", "location", "processingActivity", "website", "dataCategories",
                "transferMechanism", "dpaUrl"};
        for (int f = 0; f < fields.length; f++) {
            variants.add(Arguments.of("entry " + fields[f], withSnapshot(b, new Snapshot(List.of(
                    new Section("product", "Product", "Platform.", "No patient data.", List.of(changed(ZOOM, f))),
                    new Section("support", "Support", "Service.", null, List.of(ADA)))))));
        }
        variants.add(Arguments.of("section key", withSnapshot(b, new Snapshot(List.of(
                new Section("platform", "Product", "Platform.", "No patient data.", List.of(ZOOM)),
                new Section("support", "Support", "Service.", null, List.of(ADA)))))));
        variants.add(Arguments.of("section title", withSnapshot(b, new Snapshot(List.of(
                new Section("product", "Products", "Platform.", "No patient data.", List.of(ZOOM)),
                new Section("support", "Support", "Service.", null, List.of(ADA)))))));
        variants.add(Arguments.of("section description", withSnapshot(b, new Snapshot(List.of(
                new Section("product", "Product", "Platform!", "No patient data.", List.of(ZOOM)),
                new Section("support", "Support", "Service.", null, List.of(ADA)))))));
        variants.add(Arguments.of("section note removed", withSnapshot(b, new Snapshot(List.of(
                new Section("product", "Product", "Platform.", null, List.of(ZOOM)),
                new Section("support", "Support", "Service.", null, List.of(ADA)))))));
        variants.add(Arguments.of("entry added", withSnapshot(b, new Snapshot(List.of(
                new Section("product", "Product", "Platform.", "No patient data.", List.of(ZOOM, ADA)),
                new Section("support", "Support", "Service.", null, List.of(ADA)))))));
        variants.add(Arguments.of("entry removed", withSnapshot(b, new Snapshot(List.of(
                new Section("product", "Product", "Platform.", "No patient data.", List.of(ZOOM)),
                new Section("support", "Support", "Service.", null, List.of()))))));
        variants.add(Arguments.of("entry moved", withSnapshot(b, new Snapshot(List.of(
                new Section("product", "Product", "Platform.", "No patient data.", List.of(ZOOM, ADA)),
                new Section("support", "Support", "Service.", null, List.of()))))));
        variants.add(Arguments.of("sections reordered", withSnapshot(b, new Snapshot(List.of(
                new Section("support", "Support", "Service.", null, List.of(ADA)),
                new Section("product", "Product", "Platform.", "No patient data.", List.of(ZOOM)))))));
        return variants.stream();
    }

    private static Subprocessor changed(Subprocessor s, int field) {
        String[] v = {s.name(), s.legalAddress(), s.location(), s.processingActivity(), s.website(), s.dataCategories(),
                s.transferMechanism(), s.dpaUrl()};
        v[field] = v[field] == null ? "set" : v[field] + "!";
        return new Subprocessor(s.id(), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    private static VersionContent withSnapshot(VersionContent b, Snapshot snapshot) {
        return new VersionContent(b.number(), b.publishedAt(), b.effectiveAt(), b.summary(), b.publisher(),
                b.emergencyReason(), b.noticePeriodDays(), snapshot);
    }

    private static VersionContent content(Snapshot snapshot) {
        return new VersionContent(2, Instant.parse("2026-02-10T09:00:00Z"), Instant.parse("2026-03-15T00:00:00Z"),
                "Second", "legal@example.com", null, 30, snapshot);
    }

    private static void assertSortedWithoutNulls(JsonNode node) {
        assertThat(node.isNull()).as("a null value in the canonical JSON").isFalse();
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            assertThat(names).isSorted();
            node.forEach(HashChainTest::assertSortedWithoutNulls);
        } else if (node.isArray()) {
            node.forEach(HashChainTest::assertSortedWithoutNulls);
        }
    }

    /** Computed here with MessageDigest, independently of HashChain. */
    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
