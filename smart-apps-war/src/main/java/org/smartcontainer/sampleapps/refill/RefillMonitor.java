package org.smartcontainer.sampleapps.refill;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.apps.Consumer;
import org.smartcontainer.oauth.PercentEncoding;
import org.smartcontainer.sampleapps.catalog.AppsBaseUrl;
import org.smartcontainer.sampleapps.catalog.SampleApps;
import org.smartcontainer.sampleapps.client.SmartRestClient;
import org.smartcontainer.sampleapps.client.SmartRestClient.Token;
import org.smartcontainer.sampleapps.refill.RefillSchedule.RunOut;

/**
 * The refill monitor, a background app (new code, modelled on the reference's rx_reminder): like any
 * external background app it signs two-legged with its own consumer key and secret and walks every
 * record with the helper-token loop over HTTP ({@code /apps/{id}/tokens/records/first}, then
 * {@code .../{record}/next} until 404). For each record it reads the medications with their fills,
 * computes when each runs out ({@link RefillSchedule}) and writes that as a clinical note, unless its
 * latest note already says the same. Records without fills are left untouched.
 *
 * <p>Why a clinical note and not the scratchpad: the access matrix (oauth-and-access.md section 7) lets
 * only UI apps write a scratchpad; a helper token may post clinical notes. Runs are kept for
 * administrators ({@link #runs()}, {@code /sample-apps/refill-monitor/runs}); every call it makes is in
 * the audit trail under its app id.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefillMonitor {

    /** Title of the notes the monitor writes; it recognises its own notes by it. */
    public static final String NOTE_TITLE = "Refill monitor";

    private static final Logger LOG = Logger.getLogger(RefillMonitor.class.getName());
    private static final int KEPT_RUNS = 20;

    @EJB
    private AppRegistry registry;

    @Inject
    private AppsBaseUrl urls;

    private final ReentrantLock running = new ReentrantLock();
    private final Deque<RefillRun> runs = new ArrayDeque<>();
    private final Clock clock = Clock.systemUTC();

    /** Whether the timer runs the monitor ({@value #SCHEDULED_KEY}, default true); administrators can always run it. */
    public static final String SCHEDULED_KEY = "smart.apps.refill-monitor.scheduled";

    @Inject
    @ConfigProperty(name = SCHEDULED_KEY, defaultValue = "true")
    boolean scheduledRuns;

    /** Every six hours. */
    @Schedule(hour = "*/6", minute = "17", persistent = false, info = "refill monitor")
    void scheduled() {
        if (scheduledRuns) {
            run("schedule");
        }
    }

    /**
     * One run over every record now; waits for a run in progress to finish first.
     *
     * @param trigger who asked: {@code schedule} or {@code admin}
     */
    public RefillRun run(String trigger) {
        running.lock();
        try {
            RefillRun run = loop(trigger);
            synchronized (runs) {
                runs.addFirst(run);
                while (runs.size() > KEPT_RUNS) {
                    runs.removeLast();
                }
            }
            LOG.info(() -> "Refill monitor (" + trigger + "): " + run.records().size() + " records, " + run.noted().size()
                    + " noted, " + run.unchanged().size() + " unchanged, " + run.withoutSupply().size()
                    + " without fills, " + run.errors().size() + " errors");
            return run;
        } finally {
            running.unlock();
        }
    }

    /** The latest runs, newest first. */
    public List<RefillRun> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    private RefillRun loop(String trigger) {
        Instant started = clock.instant();
        List<String> visited = new ArrayList<>();
        List<String> noted = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> withoutSupply = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Optional<Consumer> me = registry.consumer(SampleApps.REFILL_MONITOR);
        if (me.isEmpty()) {
            errors.add("The app " + SampleApps.REFILL_MONITOR + " is not registered");
            return new RefillRun(started, clock.instant(), trigger, visited, noted, unchanged, withoutSupply, errors);
        }
        SmartRestClient client = new SmartRestClient(urls.apiBase(), me.get().key(), me.get().secret());
        String tokens = "/apps/" + PercentEncoding.encode(SampleApps.REFILL_MONITOR) + "/tokens/records/";
        try {
            Optional<Map<String, String>> token = helperToken(client, tokens + "first");
            while (token.isPresent()) {
                String record = token.get().get("smart_record_id");
                visited.add(record);
                try {
                    switch (monitor(client, record, new Token(token.get().get("oauth_token"), token.get().get("oauth_token_secret")))) {
                        case NOTED -> noted.add(record);
                        case UNCHANGED -> unchanged.add(record);
                        case NO_SUPPLY -> withoutSupply.add(record);
                    }
                } catch (IOException | RuntimeException e) {
                    errors.add(record + ": " + e.getMessage());
                }
                token = helperToken(client, tokens + PercentEncoding.encode(record) + "/next");
            }
        } catch (IOException e) {
            errors.add("token loop: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("interrupted");
        }
        return new RefillRun(started, clock.instant(), trigger, visited, noted, unchanged, withoutSupply, errors);
    }

    private enum Outcome { NOTED, UNCHANGED, NO_SUPPLY }

    private Outcome monitor(SmartRestClient client, String record, Token token) throws IOException, InterruptedException {
        String base = "/records/" + PercentEncoding.encode(record);
        HttpResponse<String> meds = client.send("GET", base + "/medications/", token, Map.of(), Map.of());
        expect(meds, "medications");
        List<RunOut> runOuts = RefillSchedule.of(MedicationsGraph.supplies(
                MedicationsGraph.parse(meds.body(), client.apiBase() + base + "/medications/")), LocalDate.now(clock));
        if (runOuts.isEmpty()) {
            return Outcome.NO_SUPPLY;
        }
        String text = RefillNote.text(runOuts);
        HttpResponse<String> notes = client.send("GET", base + "/clinical_notes/", token, Map.of(), Map.of());
        expect(notes, "clinical notes");
        if (RefillNote.latestText(notes.body(), client.apiBase() + base + "/clinical_notes/", NOTE_TITLE)
                .filter(text::equals).isPresent()) {
            return Outcome.UNCHANGED;
        }
        HttpResponse<String> posted = client.sendBody("POST", base + "/clinical_notes/", token, "application/rdf+xml",
                RefillNote.rdfXml(NOTE_TITLE, LocalDate.now(clock), text));
        expect(posted, "posting the note");
        return Outcome.NOTED;
    }

    private static Optional<Map<String, String>> helperToken(SmartRestClient client, String path)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send("POST", path, null, Map.of(), Map.of());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        expect(answer, "helper token");
        return Optional.of(SmartRestClient.form(answer.body()));
    }

    private static void expect(HttpResponse<String> answer, String what) throws IOException {
        if (answer.statusCode() != 200) {
            throw new IOException(what + " answered " + answer.statusCode());
        }
    }
}
