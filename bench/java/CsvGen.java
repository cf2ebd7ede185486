import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the CSV files the publish benchmark imports: {@code v1.csv} with N sub-processors, then
 * {@code v2.csv} ... each with {@code fraction} of the previous one changed (see {@link Workload}).
 * Every row carries its id, so the import matches entries by id as a re-import of the export would.
 *
 * <p>Usage: {@code CsvGen <dir> <n> <files> [fraction=0.10] [seed=7] [sections=4]}
 */
public final class CsvGen {

    private static final String HEADER = "id,section,name,legalAddress,location,processingActivity,website,"
            + "dataCategories,transferMechanism,dpaUrl";

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CsvGen <dir> <n> <files> [fraction] [seed] [sections]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int files = Integer.parseInt(args[2]);
        double fraction = args.length > 3 ? Double.parseDouble(args[3]) : 0.10;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 7L;
        int sections = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        Files.createDirectories(dir);

        Workload workload = new Workload(seed, sections);
        List<Workload.Entry> entries = workload.initial(n);
        write(dir.resolve("v1.csv"), entries);
        System.out.printf("v1.csv: %d rows%n", entries.size());
        for (int i = 2; i <= files; i++) {
            Workload.Round round = workload.change(entries, fraction, true);
            entries = round.entries();
            write(dir.resolve("v" + i + ".csv"), entries);
            System.out.printf("v%d.csv: %d rows, changes %s%n", i, entries.size(), round.counts());
        }
    }

    private static void write(Path file, List<Workload.Entry> entries) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (Workload.Entry e : entries) {
                out.write(String.join(",", cell(e.id().toString()), cell(e.section()), cell(e.name()),
                        cell(e.legalAddress()), cell(e.location()), cell(e.processingActivity()), cell(e.website()),
                        cell(e.dataCategories()), cell(e.transferMechanism()), cell(e.dpaUrl())));
                out.write("\r\n");
            }
        }
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
