package org.smartcontainer.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputCheckTest {

    private final InputCheck check = new InputCheck(InputLimits.defaults());

    private static void admitted(Optional<InputRefusal> refusal) {
        assertEquals(Optional.empty(), refusal);
    }

    private static void refused(int status, String limit, Optional<InputRefusal> refusal) {
        assertTrue(refusal.isPresent(), "refused");
        assertEquals(status, refusal.get().status(), refusal.get().toString());
        assertEquals(limit, refusal.get().limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/records/1032702/medications/", "/api/records/2169591/clinical_notes/",
            "/api/apps/my-app@apps.example.org/manifest", "/api/apps/a/b/manifest", "/api/admin/records/p1796238",
            "/smart_passthrough/records/1032702/demographics", "/accounts/jdoe/apps/med-list%40apps.smartplatforms.org/launch",
            "/api/users/M%C3%BCller", "/index.xhtml;jsessionid=AbC123", "/", "/sample-apps/", "/api/records/a+b"})
    void theProductsOwnPathsAreAdmitted(String path) {
        admitted(check.target(path, null));
    }

    @Test
    void anAppIdAsLongAsTheLongestStoredIsAdmitted() {
        admitted(check.target("/api/apps/" + "a".repeat(256) + "/manifest", null));
    }

    @Test
    void queriesOfTheApiAndThePortalAreAdmitted() {
        admitted(check.target("/api/records/search", "family_name=M%C3%BCller&given_name=Jo+Ann&limit=10&offset=0"));
        admitted(check.target("/api/admin/audit", "record=1032702&from=2025-01-01T00:00:00Z&to=&limit=100"));
        admitted(check.target("/", "oauth_token=abc&flag"));
    }

    @Test
    void aFiveThousandCharacterRecordIdIsRefusedWith414() {
        refused(414, "path-segment-length", check.target("/api/records/" + "a".repeat(5000) + "/demographics", null));
    }

    @Test
    void aSegmentLongOnlyOnceDecodedCountsItsDecodedLength() {
        refused(414, "path-segment-length", check.target("/api/records/" + "%C3%BC".repeat(257), null));
        admitted(check.target("/api/records/" + "%C3%BC".repeat(256), null));
    }

    @Test
    void anOverlongUriIsRefusedWith414() {
        String path = IntStream.range(0, 100).mapToObj(i -> "a".repeat(90)).collect(Collectors.joining("/", "/", ""));
        refused(414, "uri-length", check.target(path, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "%01", "a%0d%0aX-Injected:%20yes", "%7f", "%C2%85", "%09"})
    void controlCharactersInAPathAreRefusedWith400(String segment) {
        refused(400, "control-character", check.target("/api/records/" + segment + "/demographics", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "%2f", "%5C..%5C", "..", ".", "%2e%2e", "%2E", ".%2e", "..;x=1"})
    void encodedSlashesAndDotSegmentsAreRefusedWith400(String segment) {
        refused(400, "path-separator", check.target("/api/records/" + segment + "/demographics", null));
    }

    @Test
    void anEmptySegmentInsideAPathIsRefusedButATrailingSlashIsNot() {
        refused(400, "path-separator", check.target("/api/records//demographics", null));
        admitted(check.target("/api/records/1032702/medications/", null));
        admitted(check.target("/", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C3%28", "%FF", "%C0%AE%C0%AE", "%E2%82", "%ED%A0%80", "%", "%zz", "%4", "a%g1"})
    void malformedEscapesAndBytesThatAreNotUtf8AreRefusedWith400(String segment) {
        refused(400, "encoding", check.target("/api/records/" + segment + "/demographics", null));
        refused(400, "encoding", check.target("/api/records/search", "family_name=" + segment));
    }

    @Test
    void queryLimits() {
        refused(414, "query-length", check.target("/", "q=" + "a".repeat(4095)));
        refused(414, "parameter-length", check.target("/", "q=" + "a".repeat(2049)));
        admitted(check.target("/", "q=" + "a".repeat(2048)));
        refused(400, "parameter-count", check.target("/", IntStream.range(0, 65).mapToObj(i -> "p" + i + "=1")
                .collect(Collectors.joining("&"))));
        admitted(check.target("/", IntStream.range(0, 64).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"))));
        refused(400, "control-character", check.target("/", "q=a%00"));
        refused(400, "control-character", check.target("/", "q%0a=1"));
    }

    @Test
    void headerLimits() {
        admitted(check.header("Authorization", "OAuth realm=\"x\",\toauth_consumer_key=\"k\""));
        admitted(check.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) caf\u00e9"));
        refused(431, "header-length", check.header("Cookie", "a".repeat(8193)));
        refused(400, "control-character", check.header("X-Fuzz", "a\u0000b"));
        refused(400, "control-character", check.header("X-Fuzz", "\u001b[31m"));
        refused(431, "header-count", check.headerCount(101));
        admitted(check.headerCount(100));
    }

    @Test
    void aBodyOverItsLimitIs413() {
        assertEquals(413, InputCheck.bodyTooLarge(1024).status());
    }
}
