package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.options.BoundingBox;
import dev.parley.server.TestAccounts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Call links as an end user meets them: a business sets up configurations and links with its
 * API key; the link's URL opens the hosted call page in Chromium, which asks for a name, calls
 * the destination and shows the theme. The callee is an SDK page signed in as the link's
 * identity. Every test has an account of its own (so its first configuration is its default).
 */
class CallLinkBrowserTest extends BrowserTestBase {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @AfterEach
    void closePages() {
        chromium.closePages();
    }

    private CallLinkSetup newAccount() {
        String key = TestAccounts.createAccount(server.config(), "Link company " + ACCOUNTS.incrementAndGet());
        return new CallLinkSetup(server.http(), key);
    }

    private SdkPage agent(CallLinkSetup setup, String identity, String displayName) {
        return SdkPage.signIn(chromium, server.http().baseUrl(), identity, setup.identityToken(identity, displayName));
    }

    /** A configuration's JSON; {@code images} and {@code colors} are JSON objects. */
    private static String config(String name, boolean video, String callOptions, String messages, String images,
                                 String colors) {
        return """
                {"name": "%s",
                 "initialOptions": {"audio": true, "video": %s, "muted": false, "cameraFacingMode": "USER"},
                 "callOptions": %s,
                 "theme": {"images": %s, "messages": %s, "colors": %s}}"""
                .formatted(name, video, callOptions, images, messages, colors);
    }

    private static final String ALL_OPTIONS = """
            {"mute": true, "screenShare": true, "camera": true, "switchCameraFacingMode": true, "dialPad": true,
             "settings": true, "recordingIndicator": true}""";
    private static final String NO_IMAGES = "{}";
    private static final String PLAIN_COLORS = """
            {"primary": "#0A7CFF", "primaryText": "#FFFFFF", "background": "#F4F6F8"}""";

    private static String messages(String welcome, String inactive, String expiration) {
        return """
                {"welcomeText": "%s", "inactiveText": "%s", "expirationText": "%s"}"""
                .formatted(welcome, inactive, expiration);
    }

    private static String window(boolean oneTime) {
        return "{\"oneTime\": " + oneTime + "}";
    }

    private static String webrtcLink(String configId, String identity, String window) {
        return """
                {"destination": {"type": "WEBRTC", "identity": "%s"}, "callLinkConfigId": "%s", "validityWindow": %s}"""
                .formatted(identity, configId, window);
    }

    private static String roomLink(String configId, String room) {
        return """
                {"destination": {"type": "ROOM", "roomName": "%s"}, "callLinkConfigId": "%s",
                 "validityWindow": {"oneTime": false}}""".formatted(room, configId);
    }

    @Test
    void anEndUserEntersANameAndTalksWithTheIdentityTheLinkCalls() {
        var setup = newAccount();
        String options = """
                {"mute": true, "screenShare": false, "camera": true, "switchCameraFacingMode": false, "dialPad": true,
                 "settings": true, "recordingIndicator": true}""";
        String configId = setup.createConfig(config("Support", true, options,
                messages("Talk to our support", "Not yet", "Used up"), NO_IMAGES, PLAIN_COLORS));
        SdkPage agent = agent(setup, "agent-1", "Agent One");
        var link = setup.createLink(webrtcLink(configId, "agent-1", window(false)));

        LinkPage endUser = LinkPage.open(chromium, link.url());
        endUser.awaitState(15, "name");
        assertEquals("Talk to our support", endUser.text("#message"));
        endUser.start("");
        assertTrue(endUser.visible("#name-error"), "an empty name is refused on the page");
        assertEquals("name", endUser.state());
        endUser.start("Ana from the link");
        endUser.awaitState(15, "calling", "in-call");

        agent.awaitEvent("incoming-call", 15);
        assertEquals("Ana from the link", agent.eval("() => harness.incoming.counterpart().displayName"),
                "the callee sees the name the end user typed");
        agent.eval("() => harness.incoming.accept({audio: true, video: true})");
        agent.awaitEvent("established", 15);
        endUser.awaitState(15, "in-call");

        // Media both ways: the page decodes the agent's camera and plays its microphone (through its own
        // unmuted <audio>: Chromium measures no level otherwise), and the agent receives the end user's.
        endUser.awaitVideoRising(30, 30);
        endUser.awaitAudioRising(20);
        agent.awaitVideoRising(30, 30);
        agent.awaitAudioRising(20);
        assertEquals(true, endUser.page.evaluate("""
                () => { const a = document.getElementById('remote-audio');
                        return !a.muted && a.srcObject instanceof MediaStream && a.srcObject.getAudioTracks().length > 0; }"""));

        assertFalse(endUser.visible("#rec"), "the account does not record");
        // Only the configured controls: no screen share; the dial pad is for phone calls only.
        assertEquals(List.of("mute", "camera", "gear", "hangup"), endUser.controlsShown());
        endUser.locator("#mute").click();
        agent.awaitEvent("remote-muted", 10);

        endUser.locator("#hangup").click();
        endUser.awaitState(10, "ended");
        agent.awaitEvent("hangup", 10);
        assertEquals("The call has ended.", endUser.text("#message"));
        endUser.locator("#start").waitFor();
        assertEquals("Start again", endUser.text("#start"), "a link that is still active can be used again");
        assertEquals(List.of(), endUser.cspViolations(), "the page's policy blocks nothing the page uses");
    }

    @Test
    void aOneTimeLinkOpenedAgainAfterItsCallShowsTheExpirationText() {
        var setup = newAccount();
        String configId = setup.createConfig(config("One time", false, ALL_OPTIONS,
                messages("Hello", "Not yet", "This link has been used"), NO_IMAGES, PLAIN_COLORS));
        SdkPage agent = agent(setup, "agent-2", "Agent Two");
        // The link names its caller, so the page asks for no name.
        var link = setup.createLink("""
                {"destination": {"type": "WEBRTC", "identity": "agent-2"}, "displayName": "Bo Link",
                 "callLinkConfigId": "%s", "validityWindow": {"oneTime": true}}""".formatted(configId));

        LinkPage first = LinkPage.open(chromium, link.url());
        first.awaitState(15, "ready");
        LinkPage late = LinkPage.open(chromium, link.url());
        late.awaitState(15, "ready");
        assertFalse(first.visible("#name"));
        // Opening the page does not use the link up.
        assertEquals("ACTIVE", setup.publicView(link).path("state").asText());
        first.start(null);
        agent.awaitEvent("incoming-call", 15);
        assertEquals("Bo Link", agent.eval("() => harness.incoming.counterpart().displayName"));
        agent.eval("() => harness.incoming.accept({audio: true, video: false})");
        first.awaitState(15, "in-call");
        first.awaitAudioRising(20);
        agent.eval("() => harness.call.hangup()");
        first.awaitState(10, "ended");
        first.awaitTrue("the link's state asked again after the call is EXPIRED",
                "() => document.body.dataset.linkState === 'EXPIRED'", 10);
        assertEquals("This link has been used", first.text("#detail"));
        assertFalse(first.visible("#start"), "no way to start again on a used one-time link");

        // A page opened before the call was made: Start is refused (409) and the page shows the link as it is now.
        late.start(null);
        late.awaitState(15, "expired");
        assertEquals("This link has been used", late.text("#message"));
        assertEquals(1L, agent.events().stream().filter(e -> "incoming-call".equals(e.get("name"))).count());

        LinkPage again = LinkPage.open(chromium, link.url());
        again.awaitState(15, "expired");
        assertEquals("This link has been used", again.text("#message"));
        assertFalse(again.visible("#start"));
        assertFalse(again.visible("#name"));
        assertEquals(0, again.locator(".controls button:visible").count());
    }

    @Test
    void twoEndUsersOfARoomLinkSeeAndHearEachOther() {
        var setup = newAccount();
        String configId = setup.createConfig(config("Rooms", true, ALL_OPTIONS,
                messages("Join the room", "Not yet", "Over"), NO_IMAGES, PLAIN_COLORS));
        var link = setup.createLink(roomLink(configId, "link-room"));
        setup.recording("AUDIO"); // the configuration shows the recording indicator

        LinkPage first = LinkPage.open(chromium, link.url());
        first.awaitState(15, "name");
        first.start("First Guest");
        first.awaitState(15, "in-call");
        LinkPage second = LinkPage.open(chromium, link.url());
        second.awaitState(15, "name");
        second.start("Second Guest");
        second.awaitState(15, "in-call");

        first.locator(".tile").first().waitFor();
        second.locator(".tile").first().waitFor();
        assertEquals("Second Guest", first.text(".tile .name"), "one tile, named as the other typed");
        assertEquals("First Guest", second.text(".tile .name"));
        for (LinkPage page : List.of(first, second)) {
            page.awaitVideoRising(30, 30);
            page.awaitAudioRising(20);
            assertEquals(1, page.locator(".tile").count());
            page.locator("#rec").waitFor();
            assertEquals("● REC", page.text("#rec"));
        }
        second.locator("#hangup").click();
        second.awaitState(10, "ended");
        first.locator(".tile").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(10_000));
    }

    @Test
    void theThemesColoursLogoAndBackgroundShowAndThePageFitsAPhone() throws Exception {
        var setup = newAccount();
        var logoColour = new Color(0xC8, 0x1E, 0xB4);
        var primary = new Color(0x1F, 0x9E, 0x3A);
        var background = new Color(0xFF, 0xF0, 0xC8);
        String logoId = setup.uploadImage("LOGO", CallLinkSetup.solidPng(160, 80, logoColour), "logo.png");
        String colors = """
                {"primary": "#1F9E3A", "primaryText": "#FFFFFF", "background": "#FFF0C8"}""";
        String configId = setup.createConfig(config("Brand", false, ALL_OPTIONS,
                messages("Welcome to Brand", "Not yet", "Over"), "{\"logoImageId\": \"" + logoId + "\"}", colors));
        var link = setup.createLink(roomLink(configId, "brand-room"));

        LinkPage endUser = LinkPage.open(chromium, link.url());
        endUser.page.setViewportSize(375, 667);
        endUser.awaitState(15, "name");
        endUser.awaitTrue("the logo loaded", "() => { const l = document.getElementById('logo'); "
                + "return !l.hidden && l.complete && l.naturalWidth > 0; }", 10);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(endUser.page.screenshot()));
        assertEquals(375, shot.getWidth(), "a CSS pixel per screenshot pixel");

        BoundingBox logo = endUser.locator("#logo").boundingBox();
        assertTrue(logo.x < 40 && logo.y < 40, "the logo is at the top left: " + logo.x + "," + logo.y);
        assertColour(logoColour, shot, logo.x + logo.width / 2, logo.y + logo.height / 2, "the logo's middle");
        assertColour(logoColour, shot, logo.x + 3, logo.y + 3, "the logo's top left");
        BoundingBox start = endUser.locator("#start").boundingBox();
        assertColour(primary, shot, start.x + 6, start.y + start.height / 2, "the Start button's left edge");
        assertColour(primary, shot, start.x + start.width - 6, start.y + start.height / 2, "the Start button's right edge");
        assertColour(background, shot, 4, 660, "the page's background");
        assertFitsThePhone(endUser, "#start");

        // In the call the controls stay on the phone's screen too.
        endUser.start("Guest");
        endUser.awaitState(15, "in-call");
        assertFitsThePhone(endUser, "#hangup");
        BoundingBox hangup = endUser.locator("#hangup").boundingBox();
        assertTrue(hangup.y + hangup.height <= 667, "hang up is on the first screen: " + hangup.y);
        endUser.locator("#hangup").click();
        endUser.awaitState(10, "ended");

        // A background image covers the page.
        var backgroundColour = new Color(0x2E, 0x5C, 0xD6);
        String backgroundId = setup.uploadImage("BACKGROUND", CallLinkSetup.solidPng(1280, 720, backgroundColour),
                "background.png");
        String withBackground = setup.createConfig(config("Brand background", false, ALL_OPTIONS,
                messages("Welcome", "Not yet", "Over"), "{\"backgroundImageId\": \"" + backgroundId + "\"}", colors));
        var second = setup.createLink(roomLink(withBackground, "brand-room-2"));
        LinkPage themed = LinkPage.open(chromium, second.url());
        themed.page.setViewportSize(375, 667);
        themed.awaitState(15, "name");
        // The image is loaded and decoded before the screenshot.
        assertEquals(true, themed.page.evaluate("""
                async () => { const m = /url\\("(.*)"\\)/.exec(getComputedStyle(document.body).backgroundImage);
                              if (!m) return false;
                              const img = new Image(); img.src = m[1]; await img.decode(); return true; }"""),
                "the body has the background image");
        BufferedImage backgroundShot = ImageIO.read(new ByteArrayInputStream(themed.page.screenshot()));
        assertColour(backgroundColour, backgroundShot, 4, 660, "the bottom left corner, on the background image");
        assertColour(backgroundColour, backgroundShot, 370, 300, "the right edge, on the background image");
        assertEquals(List.of(), endUser.cspViolations(), "the page's policy blocks nothing the page uses");
        assertEquals(List.of(), themed.cspViolations(), "the page's policy blocks nothing the page uses");
    }

    private static void assertFitsThePhone(LinkPage page, String control) {
        Object widths = page.page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var pair = (List<?>) widths;
        assertTrue(((Number) pair.get(0)).intValue() <= ((Number) pair.get(1)).intValue(),
                "no horizontal scrolling at 375 px: scrollWidth, innerWidth = " + widths);
        BoundingBox box = page.locator(control).boundingBox();
        assertTrue(box.x >= 0 && box.x + box.width <= 375, control + " within the screen's width: " + box.x + "+" + box.width);
    }

    /** The screenshot's pixel at (x, y) is {@code expected}, give or take a little for scaling and colour management. */
    private static void assertColour(Color expected, BufferedImage shot, double x, double y, String where) {
        var actual = new Color(shot.getRGB((int) x, (int) y));
        int distance = Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue());
        assertTrue(distance <= 24, where + " at (" + (int) x + ", " + (int) y + ") should be " + hex(expected)
                + " but is " + hex(actual));
    }

    private static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    @Test
    void anInactiveLinkShowsItsInactiveTextAndNoStartButton() {
        var setup = newAccount();
        String configId = setup.createConfig(config("Later", false, ALL_OPTIONS,
                messages("Hello", "Opens <b>tomorrow</b> at 9", "Over"), NO_IMAGES, PLAIN_COLORS));
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var link = setup.createLink("""
                {"destination": {"type": "WEBRTC", "identity": "agent-5"}, "callLinkConfigId": "%s",
                 "validityWindow": {"oneTime": false, "startTime": "%s", "endTime": "%s"}}"""
                .formatted(configId, tomorrow, tomorrow.plus(1, ChronoUnit.DAYS)));

        LinkPage endUser = LinkPage.open(chromium, link.url());
        endUser.awaitState(15, "inactive");
        assertEquals("Opens <b>tomorrow</b> at 9", endUser.text("#message"), "the server's text, shown as text");
        assertEquals(0, endUser.locator("#message b").count(), "never parsed as HTML");
        assertFalse(endUser.visible("#start"));
        assertFalse(endUser.visible("#name"));

        LinkPage unknown = LinkPage.open(chromium, server.http().baseUrl() + "/l/" + "Zz9" + link.code() + "x");
        unknown.awaitState(15, "not-found");
        assertEquals("Link not found", unknown.text("#message"));
        assertFalse(unknown.visible("#start"));
    }
}
