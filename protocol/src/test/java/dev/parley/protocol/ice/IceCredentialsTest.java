package dev.parley.protocol.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {

    @Test
    void generatedCredentialsAreConformantAndDistinct() {
        var seen = new HashSet<String>();
        var allChars = new HashSet<Character>();
        for (int i = 0; i < 2_000; i++) {
            var credentials = IceCredentials.random();
            assertEquals(IceCredentials.GENERATED_UFRAG, credentials.ufrag().length());
            assertEquals(IceCredentials.GENERATED_PASSWORD, credentials.password().length());
            assertTrue(IceCredentials.isValidUfrag(credentials.ufrag()));
            assertTrue(IceCredentials.isValidPassword(credentials.password()));
            assertTrue(seen.add(credentials.ufrag()));
            assertTrue(seen.add(credentials.password()));
            credentials.password().chars().forEach(c -> allChars.add((char) c));
        }
        // Every one of the 64 ice-chars shows up: the alphabet is used in full.
        assertEquals(64, allChars.size());
        assertTrue(allChars.contains('+'));
        assertTrue(allChars.contains('/'));
    }

    @Test
    void invalidValuesAreRefused() {
        assertFalse(IceCredentials.isValidUfrag("abc"));
        assertTrue(IceCredentials.isValidUfrag("ab+/"));
        assertFalse(IceCredentials.isValidUfrag("ab:c"));
        assertFalse(IceCredentials.isValidUfrag("abc-"));
        assertFalse(IceCredentials.isValidUfrag("abcé"));
        assertFalse(IceCredentials.isValidUfrag("a".repeat(257)));
        assertTrue(IceCredentials.isValidPassword("a".repeat(22)));
        assertFalse(IceCredentials.isValidPassword("a".repeat(21)));
        assertFalse(IceCredentials.isValidPassword("a".repeat(21) + " "));
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("abc", "a".repeat(22)));
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("abcd", "a".repeat(21)));
    }

    @Test
    void theKeyIsThePasswordBytesAndToStringHidesThePassword() {
        var credentials = new IceCredentials("abcd", "0123456789abcdefghij+/");
        assertArrayEquals("0123456789abcdefghij+/".getBytes(StandardCharsets.US_ASCII), credentials.key());
        assertFalse(credentials.toString().contains(credentials.password()));
        assertTrue(credentials.toString().contains("abcd"));
        assertNotEquals(credentials, new IceCredentials("abcd", "0123456789abcdefghij+X"));
    }
}
