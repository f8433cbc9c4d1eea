package org.smartcontainer.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoggedInputTest {

    @Test
    void aLongValueIsCutAndItsLengthNamed() {
        assertEquals("a".repeat(120) + "...(5000 chars)", LoggedInput.cut("a".repeat(5000)));
    }

    @Test
    void controlCharactersCannotForgeLogLines() {
        assertEquals("a??[SEVERE] b?", LoggedInput.cut("a\r\n[SEVERE] b\u0000"));
    }

    @Test
    void shortValuesAndNullStayAsTheyAre() {
        assertEquals("1032702", LoggedInput.cut("1032702"));
        assertEquals("null", LoggedInput.cut(null));
    }
}
