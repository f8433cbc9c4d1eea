package org.smartcontainer.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcontainer.audit.AuditStatus;

class AuditHealthCheckTest {

    private static List<String> problems(AuditStatus status) {
        return AuditHealthCheck.problems(status, 5000, 60, 30);
    }

    @Test
    void aTrailThatKeepsUpIsReadyEvenWithDeadLetters() {
        assertEquals(List.of(), problems(new AuditStatus(120, 1, 3, 0, null, 4096, null)));
    }

    @Test
    void aBacklogOverItsBoundMakesTheServerNotReadyAndSaysWhy() {
        List<String> problems = problems(new AuditStatus(5001, 2, 0, 0, null, 0, null));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("5001 audit events wait"), problems.get(0));
    }

    @Test
    void anOldPendingEventOrWritesFailingTooLongMakeItNotReady() {
        List<String> problems = problems(new AuditStatus(3, 61, 0, 31, "SQLException: Connection refused", 0, null));
        assertEquals(2, problems.size());
        assertTrue(problems.get(1).contains("Connection refused"), problems.get(1));
    }

    @Test
    void aJournalThatCannotBeWrittenMakesItNotReady() {
        List<String> problems = problems(new AuditStatus(0, 0, 0, 0, null, 0, "IOException: No space left on device"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("No space left"), problems.get(0));
    }
}
