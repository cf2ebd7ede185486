package io.subregistry.support;

import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.subregistry.support.Staff.asLegal;

/**
 * Renames one sub-processor of the draft over and over on another thread ("Probe 1", "Probe 2",
 * …), each time through the API with the entry's ETag. Nothing else edits the draft meanwhile,
 * so the name says which draft revision it belongs to: a reader can check that what it was
 * shown and the revision it was given come from the same moment.
 */
public final class BackgroundEdits implements AutoCloseable {

    private static final Pattern PROBE = Pattern.compile("Probe (\\d+)");

    private final String id;
    private final long firstRevision;
    private final int edits;
    private final AtomicInteger done = new AtomicInteger();
    private final List<Throwable> failures = new ArrayList<>();
    private final Thread thread;

    private BackgroundEdits(int edits) {
        this.edits = edits;
        this.id = Api.addToDraft(Entries.named("Probe 0"));
        this.firstRevision = draftRevision(asLegal().get("/api/v1/draft").header("ETag"));
        this.thread = new Thread(this::run, "background-edits");
    }

    /** Adds "Probe 0" to the draft and starts renaming it {@code edits} times. */
    public static BackgroundEdits start(int edits) {
        BackgroundEdits background = new BackgroundEdits(edits);
        background.thread.start();
        return background;
    }

    private void run() {
        try {
            String tag = Api.entryTag(id);
            for (int step = 1; step <= edits; step++) {
                tag = asLegal().header("If-Match", tag).contentType(ContentType.JSON)
                        .body(Entries.named("Probe " + step).body())
                        .put("/api/v1/draft/subprocessors/" + id).then().statusCode(200).extract().header("ETag");
                done.set(step);
            }
        } catch (Throwable failure) {
            synchronized (failures) {
                failures.add(failure);
            }
        }
    }

    public boolean running() {
        return thread.isAlive();
    }

    public int editsDone() {
        return done.get();
    }

    /**
     * The one draft revision whose content names the probe as {@code text} does, or -1 when the
     * text names it more than once or not at all.
     */
    public long revisionShownIn(String text) {
        Matcher matcher = PROBE.matcher(text);
        Integer step = null;
        while (matcher.find()) {
            int found = Integer.parseInt(matcher.group(1));
            if (step != null && step != found) {
                return -1;
            }
            step = found;
        }
        return step == null ? -1 : firstRevision + step;
    }

    /** The number in a draft ETag such as {@code "d12"}. */
    public static long draftRevision(String etag) {
        return Long.parseLong(etag.replaceAll("[^0-9]", ""));
    }

    public long lastRevision() {
        return firstRevision + edits;
    }

    @Override
    public void close() throws InterruptedException {
        thread.join();
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new AssertionError("a background edit failed", failures.get(0));
            }
        }
    }
}
