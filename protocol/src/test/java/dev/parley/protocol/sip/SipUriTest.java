package dev.parley.protocol.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SipUriTest {

    @Test
    void everyPartOfASipUri() {
        SipUri uri = SipUri.parse("sip:alice:secret@atlanta.example.com:5070;transport=tcp;lr;maddr=239.255.255.1"
                + "?subject=project%20x&priority=urgent").orElseThrow();
        assertFalse(uri.secure());
        assertEquals(Optional.of("alice"), uri.user());
        assertEquals(Optional.of("secret"), uri.password());
        assertEquals("atlanta.example.com", uri.host());
        assertEquals(OptionalInt.of(5070), uri.port());
        assertEquals(Optional.of("tcp"), uri.transport());
        assertTrue(uri.looseRouting());
        assertEquals(Optional.of("239.255.255.1"), uri.params().value("maddr"));
        assertEquals(Optional.of("project%20x"), uri.headers().value("subject"));
        assertEquals("sip:alice:secret@atlanta.example.com:5070;transport=tcp;lr;maddr=239.255.255.1"
                + "?subject=project%20x&priority=urgent", uri.write());
    }

    @Test
    void hostsAndDefaults() {
        SipUri v6 = SipUri.parse("sips:[2001:db8::10]:5061").orElseThrow();
        assertTrue(v6.secure());
        assertEquals("[2001:db8::10]", v6.host());
        assertEquals("2001:db8::10", v6.hostForLookup());
        assertEquals(5061, SipUri.parse("sips:host.example").orElseThrow().portOrDefault());
        assertEquals(5060, SipUri.parse("sip:192.0.2.4").orElseThrow().portOrDefault());
        assertEquals(SipUri.of("192.0.2.4", 5080), SipUri.parse("SIP:192.0.2.4:5080").orElseThrow());
        assertTrue(SipUri.parse("sip:[::ffff:192.0.2.1]").isPresent());
    }

    @Test
    void telUris() {
        TelUri tel = (TelUri) Uri.parse("tel:+1-201-555-0123;ext=42").orElseThrow();
        assertTrue(tel.isGlobal());
        assertEquals("+12015550123", tel.digits());
        assertEquals(Optional.of("42"), tel.params().value("ext"));
        assertEquals("tel:+1-201-555-0123;ext=42", tel.write());
        TelUri local = (TelUri) Uri.parse("tel:7042;phone-context=example.com").orElseThrow();
        assertFalse(local.isGlobal());
        assertTrue(Uri.parse("tel:call-me").isEmpty());
    }

    @Test
    void malformedUrisAreRefused() {
        for (String bad : List.of("sip:", "sip:@host", "sip:user@", "sip:host:99999", "sip:host:port",
                "sip:us er@host", "sip:user@ho_st", "sip:user@[::1", "sip:user@host;=x", "sip:user@host?a",
                "sip:user@-host", "sip:user@host..com", "sip:user%2@host", "nocolon", ":x", "1sip:x",
                "sip:user@host;a b", "<sip:user@host>")) {
            assertTrue(Uri.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void otherSchemesAreCarried() {
        assertEquals(new GenericUri("urn", "service:sos"), Uri.parse("urn:service:sos").orElseThrow());
        assertEquals("mailto:a@example.com", Uri.parse("mailto:a@example.com").orElseThrow().write());
    }
}
