package org.smartcontainer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a Prometheus server reads from the registry: names, labels, counts and buckets in the text format. */
class OperatorMetricsTest {

    private final OperatorMetrics metrics = new OperatorMetrics();

    enum Reason { INVALID_SIGNATURE, NONCE_REPLAYED }

    @Test
    void apiCallsAreCountedAndTimedByCallFrontAndStatus() {
        metrics.apiCall("get_medications", OperatorMetrics.Front.API, 200, 3_000_000);
        metrics.apiCall("get_medications", OperatorMetrics.Front.API, 200, 40_000_000);
        metrics.apiCall("get_medications", OperatorMetrics.Front.CONNECT, 403, 1_000_000);
        String text = metrics.scrape();

        assertEquals(2, value(text, "smart_api_requests_seconds_count{call=\"get_medications\",front=\"api\",status=\"200\"}"));
        assertEquals(1, value(text, "smart_api_requests_seconds_count{call=\"get_medications\",front=\"connect\",status=\"403\"}"));
        assertEquals(0.043, value(text, "smart_api_requests_seconds_sum{call=\"get_medications\",front=\"api\",status=\"200\"}"), 1e-9);
        // cumulative buckets: 3 ms is under 5 ms, 40 ms under 50 ms
        assertEquals(1, value(text, "smart_api_requests_seconds_bucket{call=\"get_medications\",front=\"api\",status=\"200\",le=\"0.005\"}"));
        assertEquals(1, value(text, "smart_api_requests_seconds_bucket{call=\"get_medications\",front=\"api\",status=\"200\",le=\"0.025\"}"));
        assertEquals(2, value(text, "smart_api_requests_seconds_bucket{call=\"get_medications\",front=\"api\",status=\"200\",le=\"0.05\"}"));
        assertEquals(2, value(text, "smart_api_requests_seconds_bucket{call=\"get_medications\",front=\"api\",status=\"200\",le=\"+Inf\"}"));
        assertTrue(text.contains("# TYPE smart_api_requests_seconds histogram"), text);
    }

    @Test
    void oauthRefusalsAreCountedByReasonInLowerCase() {
        metrics.oauthRefused(Reason.INVALID_SIGNATURE);
        metrics.oauthRefused(Reason.INVALID_SIGNATURE);
        metrics.oauthRefused(Reason.NONCE_REPLAYED);
        String text = metrics.scrape();

        assertEquals(2, value(text, "smart_oauth_refusals_total{reason=\"invalid_signature\"}"));
        assertEquals(1, value(text, "smart_oauth_refusals_total{reason=\"nonce_replayed\"}"));
        assertTrue(text.contains("# TYPE smart_oauth_refusals_total counter"), text);
    }

    @Test
    void importedRecordsAddUp() {
        metrics.recordsImported(1);
        metrics.recordsImported(49);

        assertEquals(50, value(metrics.scrape(), "smart_records_imported_total"));
    }

    @Test
    void stateIsReadAtEachScrape() {
        AtomicLong backlog = new AtomicLong(7);
        AtomicLong hits = new AtomicLong(3);
        metrics.gauge("smart.audit.backlog", "waiting", backlog, AtomicLong::get);
        metrics.counted("smart.response.cache.hits", "hits", hits, AtomicLong::get);
        assertEquals(7, value(metrics.scrape(), "smart_audit_backlog"));

        backlog.set(0);
        hits.set(5);
        String text = metrics.scrape();
        assertEquals(0, value(text, "smart_audit_backlog"));
        assertEquals(5, value(text, "smart_response_cache_hits_total"));
    }

    @Test
    void everyLineIsACommentOrASampleOfTheTextFormat() {
        metrics.apiCall(OperatorMetrics.UNMATCHED, OperatorMetrics.Front.API, 404, 1_000);
        metrics.oauthRefused(Reason.NONCE_REPLAYED);
        Pattern sample = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\\\n]*\",?)*})? \\S+");
        for (String line : metrics.scrape().split("\n")) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || sample.matcher(line).matches(), line);
        }
    }

    /** The value of the sample named exactly {@code series} (name and labels as exposed). */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), series + " not in:\n" + text);
        return Double.parseDouble(m.group(1));
    }
}
