package org.smartcontainer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped Grafana dashboard queries only metrics the operations guide documents, and each of them. */
class GrafanaDashboardTest {

    private static final Pattern METRIC = Pattern.compile("smart_[a-z_]+");

    @Test
    void everyDocumentedMetricIsOnTheDashboardAndTheDashboardQueriesNothingElse() throws Exception {
        String dashboard = Files.readString(Path.of("..", "docs", "grafana", "smart-container.json"));
        String guide = Files.readString(Path.of("..", "docs", "operations.md"));
        String metricsSection = guide.substring(guide.indexOf("## 16. Metrics"));
        Set<String> documented = names(metricsSection.substring(metricsSection.indexOf("| Metric |"),
                metricsSection.indexOf("Alerts worth having")));
        Set<String> queried = new TreeSet<>();
        for (String name : names(dashboard)) {
            queried.add(name.replaceAll("_(bucket|count|sum)$", ""));
        }
        assertTrue(documented.contains("smart_api_requests_seconds"), documented.toString());
        // the one figure left off the dashboard on purpose: the journal's size says nothing without its disk
        documented.remove("smart_audit_journal_bytes");
        assertEquals(documented, queried);
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
