package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.ddr.DynamicDestinationSettings;
import dev.parley.platform.telephony.AddressRange;
import dev.parley.platform.telephony.E164;
import dev.parley.platform.telephony.Hosts;
import dev.parley.platform.telephony.SipUri;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The syntax rules of telephony configuration, without a server: hosts, ranges, SIP URIs, numbers, back-off. */
class TelephonySyntaxTest {

    @Test
    void ipv6AddressesAreWrittenCompressedAsRfc5952Says() {
        for (var pair : List.of(List.of("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"), List.of("0:0:0:0:0:0:0:0", "::"),
                List.of("0:0:0:0:0:0:0:1", "::1"), List.of("1:0:0:0:0:0:0:0", "1::"), List.of("2001:DB8::", "2001:db8::"),
                List.of("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"), List.of("[fe80::1]", "fe80::1"),
                List.of("::ffff:192.0.2.1", "192.0.2.1"))) {
            assertEquals(Optional.of(pair.get(1)), Hosts.normalize(pair.get(0)), pair.get(0));
        }
    }

    @Test
    void hostNamesFollowRfc1123AndAreNeverResolved() {
        for (String good : List.of("pbx", "SIP.Carrier.Example", "sip-1.carrier.example.", "10.0.0.1", "a".repeat(63) + ".b")) {
            assertTrue(Hosts.normalize(good).isPresent(), good);
        }
        for (String bad : List.of("", "-pbx", "pbx-", "a..b", "a_b.example", "1.2.3", "1.2.3.256", "01.2.3.4",
                "a".repeat(64) + ".b", "[pbx.example]", "fe80::1%eth0", "host:5060", "x".repeat(254))) {
            assertTrue(Hosts.normalize(bad).isEmpty(), bad);
        }
        assertEquals(Optional.of("sip.carrier.example"), Hosts.normalize("SIP.Carrier.Example."));
    }

    @Test
    void addressRangesContainTheirAddressesOnly() {
        var v4 = AddressRange.tryParse("203.0.113.77/25").orElseThrow();
        assertEquals("203.0.113.0/25", v4.toString());
        assertTrue(v4.contains(InetAddress.ofLiteral("203.0.113.127")));
        assertFalse(v4.contains(InetAddress.ofLiteral("203.0.113.128")));
        assertFalse(v4.contains(InetAddress.ofLiteral("2001:db8::1")), "families never mix");
        var v6 = AddressRange.tryParse("2001:db8:abcd::/35").orElseThrow();
        assertEquals("2001:db8:a000::/35", v6.toString());
        assertTrue(v6.contains(InetAddress.ofLiteral("2001:db8:bfff::1")));
        assertFalse(v6.contains(InetAddress.ofLiteral("2001:db8:c000::1")));
        assertTrue(AddressRange.tryParse("0.0.0.0/0").orElseThrow().contains(InetAddress.ofLiteral("198.51.100.1")));
        assertEquals("192.0.2.1", AddressRange.tryParse("192.0.2.1").orElseThrow().toString());
        for (String bad : List.of("192.0.2.1/33", "::/129", "192.0.2.1/", "192.0.2.1/08", "192.0.2.1/-1", "host/24",
                "192.0.2.1/24/1", "")) {
            assertTrue(AddressRange.tryParse(bad).isEmpty(), bad);
        }
    }

    @Test
    void sipUrisKeepTheirTextAndExposeTheirHost() {
        var uri = SipUri.tryParse("sips:reception@PBX.example.com:5061;transport=tls").orElseThrow();
        assertTrue(uri.secure());
        assertEquals("pbx.example.com", uri.host());
        assertEquals(Optional.of(5061), uri.port());
        assertEquals(Optional.of("reception"), uri.user());
        assertEquals("2001:db8::5", SipUri.tryParse("sip:[2001:db8:0::5]").orElseThrow().host());
        assertEquals("+14155550123", SipUri.tryParse("sip:+14155550123@203.0.113.5;user=phone").orElseThrow()
                .user().orElseThrow());
        for (String bad : List.of("http://pbx", "sip:", "sip:a b@pbx", "sip:<pbx>", "sip:pbx:70000", "sip:pbx:0",
                "sip:a@bad_host", "sip:pbx?subject=x", "sip:a@pbx\r\nVia: x", "tel:+14155550123")) {
            assertTrue(SipUri.tryParse(bad).isEmpty(), bad);
        }
    }

    @Test
    void e164IsAPlusAndTwoToFifteenDigitsNotStartingWithZero() {
        for (String good : List.of("+12", "+14155550123", "+123456789012345")) {
            assertTrue(E164.isValid(good), good);
        }
        for (String bad : List.of("+1", "+0123", "14155550123", "+1234567890123456", "+1 415", "+１２３", "")) {
            assertFalse(E164.isValid(bad), bad);
        }
    }

    @Test
    void retryDelaysDoubleFromTheFirstUpToTheCap() {
        var settings = DynamicDestinationSettings.defaults();
        assertEquals(Duration.ofSeconds(1), settings.retryDelay(1));
        assertEquals(Duration.ofSeconds(2), settings.retryDelay(2));
        assertEquals(Duration.ofSeconds(512), settings.retryDelay(10));
        assertEquals(Duration.ofMinutes(10), settings.retryDelay(11));
        assertEquals(Duration.ofMinutes(10), settings.retryDelay(1_000));
        assertEquals(Duration.ofSeconds(5), settings.resolveTimeout());
    }
}
