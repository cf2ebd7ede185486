import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Synthetic sub-processor lists for the benchmarks: plain data, no dependency on the service,
 * deterministic for a given seed. Shared by {@code DiffBench} (in-memory snapshots) and
 * {@code CsvGen} (CSV files for the publish benchmark).
 *
 * <p>A "round" of changes touches {@code fraction} of the list with a realistic mix:
 * 50% field edits (one in ten of them a rename, which moves the entry within its section's
 * page order), 20% additions, 15% removals, 15% moves to another section (a third of those
 * also edit a field).
 */
final class Workload {

    static final String[][] SECTIONS = {
            {"product", "Product-related sub-processors"},
            {"infrastructure", "Hosting and infrastructure"},
            {"sales", "Sales and marketing"},
            {"support", "Customer support"},
            {"finance", "Finance and billing"},
            {"people", "People operations"},
    };

    private static final String[] WORDS = {
            "Acme", "Blue", "Cloud", "Delta", "Echo", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kite", "Lumen",
            "Meridian", "Nimbus", "Orbit", "Pioneer", "Quartz", "River", "Summit", "Tidal", "Umbra", "Vector",
            "Willow", "Xenon", "Yonder", "Zephyr", "alpha", "bright", "core", "data", "easy", "first", "global",
            "hyper", "insight", "jet", "key", "logic", "metric", "north", "open", "prime", "quick", "rapid"};
    private static final String[] KINDS = {"Analytics", "Systems", "Labs", "Software", "Networks", "Payments",
            "Mail", "Cloud Services", "Security", "Translation", "Telephony", "Data"};
    private static final String[] FORMS = {"Inc.", "GmbH", "Ltd", "SAS", "B.V.", "AB", "S.r.l.", "LLC", "Oy", "A/S"};
    private static final String[] CITIES = {"1 Main St, Chicago, IL, USA", "Unter den Linden 5, 10117 Berlin, Germany",
            "10 Downing Rd, London EC1A 1AA, United Kingdom", "Rue de Rivoli 20, 75001 Paris, France",
            "Keizersgracht 100, 1015 Amsterdam, Netherlands", "Sveavägen 1, 111 57 Stockholm, Sweden",
            "Via Roma 3, 20121 Milano, Italy", "500 Market St, San Francisco, CA, USA", "Mannerheimintie 2, Helsinki, Finland"};
    private static final String[] LOCATIONS = {"USA", "Germany", "EU", "United Kingdom", "France", "Netherlands",
            "Sweden", "Ireland", "EU and USA", "India", "Japan", "Canada"};
    private static final String[] ACTIVITIES = {"Cloud hosting of the production platform",
            "Sending transactional e-mail", "Customer support ticketing", "Payment processing and invoicing",
            "Product usage analytics", "Call recording and transcription", "Error monitoring",
            "Translation of support content", "Identity verification", "Backups and disaster recovery",
            "CRM for sales pipeline", "Marketing automation and newsletters"};
    private static final String[] CATEGORIES = {"Contact details", "Usage data", "Contact details, usage data",
            "Billing data", "Support messages", "Recorded calls, contact details", "Device identifiers", null};
    private static final String[] TRANSFERS = {"EU Standard Contractual Clauses", "EU-US Data Privacy Framework",
            "Adequacy decision", "Binding Corporate Rules", null};

    /** One sub-processor of a synthetic list. */
    record Entry(UUID id, String section, String name, String legalAddress, String location, String processingActivity,
                 String website, String dataCategories, String transferMechanism, String dpaUrl) {
        Entry withSection(String other) {
            return new Entry(id, other, name, legalAddress, location, processingActivity, website, dataCategories,
                    transferMechanism, dpaUrl);
        }
    }

    enum Kind { EDITED, RENAMED, ADDED, REMOVED, MOVED }

    /** A list after a round of changes, and what the round did. */
    record Round(List<Entry> entries, Map<Kind, Integer> counts) {
    }

    private final Random random;
    private final int sections;
    private int serial;

    Workload(long seed, int sections) {
        this.random = new Random(seed);
        this.sections = Math.min(sections, SECTIONS.length);
    }

    List<Entry> initial(int n) {
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(fresh());
        }
        return entries;
    }

    /** Changes {@code fraction} of {@code base} (returns a new list; {@code base} is untouched). */
    Round change(List<Entry> base, double fraction, boolean renames) {
        int changed = (int) Math.round(base.size() * fraction);
        int removals = changed * 15 / 100;
        int additions = changed * 20 / 100;
        int moves = changed * 15 / 100;
        int edits = changed - removals - additions - moves;
        int renameCount = renames ? edits / 10 : 0;

        List<Integer> order = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Entry> entries = new ArrayList<>(base);
        Set<Integer> removed = new HashSet<>();
        int next = 0;
        for (int i = 0; i < removals; i++) {
            removed.add(order.get(next++));
        }
        for (int i = 0; i < moves; i++) {
            int at = order.get(next++);
            Entry entry = entries.get(at);
            Entry moved = entry.withSection(otherSection(entry.section()));
            entries.set(at, i % 3 == 0 ? edit(moved) : moved);
        }
        for (int i = 0; i < edits; i++) {
            int at = order.get(next++);
            entries.set(at, i < renameCount ? rename(entries.get(at)) : edit(entries.get(at)));
        }
        List<Entry> result = new ArrayList<>(base.size() - removals + additions);
        for (int i = 0; i < entries.size(); i++) {
            if (!removed.contains(i)) {
                result.add(entries.get(i));
            }
        }
        for (int i = 0; i < additions; i++) {
            result.add(fresh());
        }
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        counts.put(Kind.EDITED, edits - renameCount);
        counts.put(Kind.RENAMED, renameCount);
        counts.put(Kind.ADDED, additions);
        counts.put(Kind.REMOVED, removals);
        counts.put(Kind.MOVED, moves);
        return new Round(result, counts);
    }

    private Entry fresh() {
        int number = ++serial;
        String name = name(number);
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return new Entry(new UUID(random.nextLong(), random.nextLong()), SECTIONS[random.nextInt(sections)][0], name,
                pick(CITIES), pick(LOCATIONS), pick(ACTIVITIES), "https://www." + slug + ".example",
                pick(CATEGORIES), pick(TRANSFERS), random.nextInt(3) == 0 ? null : "https://legal." + slug + ".example/dpa");
    }

    private String name(int number) {
        return pick(WORDS) + " " + pick(KINDS) + " " + String.format("%07d", number) + " " + pick(FORMS);
    }

    private Entry rename(Entry e) {
        // Same serial number keeps names unique; new leading words give it a new place in the page order.
        String number = e.name().replaceAll("^.* (\\d{7}) .*$", "$1");
        String name = pick(WORDS) + " " + pick(KINDS) + " " + number + " " + pick(FORMS);
        return new Entry(e.id(), e.section(), name, e.legalAddress(), e.location(), e.processingActivity(), e.website(),
                e.dataCategories(), e.transferMechanism(), e.dpaUrl());
    }

    private Entry edit(Entry e) {
        String legalAddress = e.legalAddress();
        String location = e.location();
        String activity = e.processingActivity();
        String categories = e.dataCategories();
        String transfer = e.transferMechanism();
        String dpa = e.dpaUrl();
        int first = random.nextInt(6);
        int[] fields = random.nextBoolean() ? new int[]{first} : new int[]{first, (first + 1 + random.nextInt(5)) % 6};
        for (int field : fields) {
            switch (field) {
                case 0 -> legalAddress = different(legalAddress, CITIES);
                case 1 -> location = different(location, LOCATIONS);
                case 2 -> activity = activity + " (updated " + (++serial) + ")";
                case 3 -> categories = categories == null ? "Contact details" : categories + ", usage data";
                case 4 -> transfer = transfer == null ? "EU Standard Contractual Clauses" : null;
                default -> dpa = "https://legal.example/dpa/" + (++serial);
            }
        }
        return new Entry(e.id(), e.section(), e.name(), legalAddress, location, activity, e.website(), categories,
                transfer, dpa);
    }

    private String otherSection(String current) {
        String other = current;
        while (other.equals(current) && sections > 1) {
            other = SECTIONS[random.nextInt(sections)][0];
        }
        return other;
    }

    private String different(String current, String[] choices) {
        String other = current;
        while (other.equals(current)) {
            other = pick(choices);
        }
        return other;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
