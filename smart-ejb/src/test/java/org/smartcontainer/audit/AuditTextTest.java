package org.smartcontainer.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditTextTest {

    @Test
    void aCleanValueThatFitsIsStoredAsItIs() {
        String id = "1032702";
        assertSame(id, AuditText.bound(id, AuditEvent.RECORD_LENGTH));
        assertNull(AuditText.bound(null, 10));
    }

    @Test
    void anOverLongValueIsCutToItsColumnWithItsLengthAndAHashOfTheWhole() {
        String longId = "a".repeat(5000);
        String stored = AuditText.bound(longId, AuditEvent.RECORD_LENGTH);
        assertEquals(AuditEvent.RECORD_LENGTH, stored.length());
        assertTrue(stored.startsWith("aaaaaaaa"));
        assertTrue(stored.endsWith("…[cut: 5000 chars, sha256 " + AuditText.hash(longId) + "]"), stored);
    }

    @Test
    void twoOverLongValuesWithTheSameBeginningStayApart() {
        String one = "x".repeat(300) + "1";
        String two = "x".repeat(300) + "2";
        assertNotEquals(AuditText.bound(one, 200), AuditText.bound(two, 200));
    }

    @Test
    void controlCharactersAndNulBecomeReplacementCharactersAndTheValueIsMarked() {
        String stored = AuditText.bound("12\u0000\r\nforged log line", AuditEvent.RECORD_LENGTH);
        assertFalse(stored.chars().anyMatch(c -> c < 0x20), stored);
        assertTrue(stored.startsWith("12\uFFFD\uFFFD\uFFFDforged log line…[cut: 20 chars, sha256 "), stored);
    }

    @Test
    void anUnpairedSurrogateIsReplacedAndAPairIsKeptWhole() {
        assertEquals("ok \uD83D\uDE00", AuditText.bound("ok \uD83D\uDE00", 200));
        assertTrue(AuditText.bound("bad \uD83D end", 200).startsWith("bad \uFFFD end…"));
        String cut = AuditText.bound("\uD83D\uDE00".repeat(300), 200);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.indexOf('…') - 1)), "no half pair before the marker");
    }

    @Test
    void aColumnTooNarrowForTheMarkerIsCutPlainly() {
        assertEquals("AAAAAAAAAA", AuditText.bound("A".repeat(50), AuditEvent.METHOD_LENGTH));
    }

    @Test
    void everyValueOfAnEventIsBoundedToItsColumn() {
        String huge = "\u0000" + "z".repeat(10_000);
        AuditEvent e = new AuditEvent(Instant.now(), huge, huge, huge, huge, huge, huge, 200);
        assertTrue(e.getAccount().length() <= AuditEvent.ACCOUNT_LENGTH);
        assertTrue(e.getApp().length() <= AuditEvent.APP_LENGTH);
        assertTrue(e.getRecord().length() <= AuditEvent.RECORD_LENGTH);
        assertTrue(e.getCall().length() <= AuditEvent.CALL_LENGTH);
        assertTrue(e.getMethod().length() <= AuditEvent.METHOD_LENGTH);
        assertTrue(e.getPath().length() <= AuditEvent.PATH_LENGTH);
    }

    @Test
    void anEventSurvivesItsJournalLineUnchanged() {
        AuditEvent e = new AuditEvent(Instant.now(), "al\tice\\", null, "r\n1", "get_x", "GET", "/p?q=\t%09", 403);
        AuditEvent back = AuditEventLine.decode(AuditEventLine.encode(e));
        assertEquals(e.getId(), back.getId());
        assertEquals(e.getTime(), back.getTime());
        assertEquals(e.getAccount(), back.getAccount());
        assertNull(back.getApp());
        assertEquals(e.getRecord(), back.getRecord());
        assertEquals(e.getPath(), back.getPath());
        assertEquals(403, back.getStatus());
    }
}
