package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.server.support.Sipp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the phone tests share: sipp peers closed after each test, trunks and numbers made with
 * the REST API as a user would, and reading SDK events.
 */
abstract class PhoneTestBase extends BrowserTestBase {

    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    private final List<Sipp> sipps = new ArrayList<>();

    @BeforeAll
    void needsSipp() {
        Sipp.require();
    }

    @AfterEach
    void closePagesAndSipp() {
        chromium.closePages();
        sipps.forEach(Sipp::close);
        sipps.clear();
    }

    /** Starts a sipp peer that is stopped after the test. */
    Sipp sipp(Sipp.Builder builder) {
        Sipp sipp = builder.start();
        sipps.add(sipp);
        return sipp;
    }

    /** A fresh E.164 number of the UK's drama range, one per use. */
    static String number() {
        return "+44163296" + String.format("%04d", NUMBERS.incrementAndGet());
    }

    SdkPage page(String identity) {
        return SdkPage.signIn(chromium, server.http().baseUrl(), identity);
    }

    /** A trunk to sipp (G.711 A-law first, as the scenarios answer), calls in allowed from loopback. */
    String trunk(Sipp carrier, String extra) {
        String[] hostPort = carrier.address().split(":");
        var response = server.http().postJson("/telephony/1/trunks", apiKey, """
                {"name": "sipp %s", "host": "%s", "port": %s, "codecs": ["PCMA", "PCMU"],
                 "allowedAddresses": ["127.0.0.1"], "keepAlive": false %s}""".formatted(
                carrier.sipPort(), hostPort[0], hostPort[1], extra));
        assertEquals(201, response.status(), response.toString());
        return response.json().get("id").asText();
    }

    /** One of the account's numbers; {@code inbound} is the inbound destination's JSON. */
    String ownNumber(boolean outbound, String trunkId, String inbound) {
        String number = number();
        var response = server.http().postJson("/telephony/1/numbers", apiKey, """
                {"number": "%s", "outboundEnabled": %s, "trunkId": %s, "inbound": %s}""".formatted(
                number, outbound, trunkId == null ? "null" : "\"" + trunkId + "\"", inbound));
        assertEquals(201, response.status(), response.toString());
        return number;
    }

    /** Parley's SIP address as sipp dials it. */
    String parleySip() {
        return "127.0.0.1:" + server.server().sip().port();
    }

    @SuppressWarnings("unchecked")
    static String errorName(Map<String, Object> event) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        return (String) ((Map<String, Object>) detail.get("errorCode")).get("name");
    }

    @SuppressWarnings("unchecked")
    static Object detail(Map<String, Object> event, String key) {
        return ((Map<String, Object>) event.get("detail")).get(key);
    }
}
