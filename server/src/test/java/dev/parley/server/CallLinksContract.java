package dev.parley.server;

import static dev.parley.server.PlatformApiContract.assertInvalid;
import static dev.parley.server.PlatformApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.Platform;
import dev.parley.server.support.Http;
import dev.parley.server.support.MultipartUpload;
import dev.parley.server.support.ServerContract;
import dev.parley.server.support.TestImages;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Call-link configurations, images and links over HTTP against a real server and database:
 * CRUD, the one default, validation naming each field, images checked by their bytes, tenant
 * isolation. The public side (states, sessions, the page) is {@link CallLinkPublicContract}.
 * Each test works in an account of its own. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class CallLinksContract extends ServerContract {

    static final String CONFIGS = "/call-link/1/configs";
    static final String IMAGES = "/call-link/1/images";
    static final String LINKS = "/call-link/1/links";
    /** The tests make many public requests from one address: a budget no test reaches. */
    static final Map<String, String> GENEROUS_LIMITS = Map.of("PARLEY_RATELIMIT_TOKEN_BURST", "100000",
            "PARLEY_CALL_LINKS_PUBLIC_BASE_URL", "https://call.example.com/");

    @Override
    protected Map<String, String> serverEnvironment() {
        return GENEROUS_LIMITS;
    }

    // --- configurations ------------------------------------------------------------------

    @Test
    void aConfigurationTakesTheBuiltInValuesForWhatIsLeftOut() {
        String key = newAccount("Config Co");
        var created = http.postJson(CONFIGS, key, "{\"name\": \" Support \"}");
        assertEquals(201, created.status(), created.body());
        JsonNode config = created.json();
        String id = config.get("id").asText();
        assertEquals("Support", config.get("name").asText());
        assertTrue(config.get("isDefault").asBoolean(), "the first configuration is the default");
        assertEquals("{\"audio\":true,\"video\":false,\"muted\":false,\"cameraFacingMode\":\"USER\"}",
                config.get("initialOptions").toString());
        assertEquals("{\"mute\":true,\"screenShare\":true,\"camera\":true,\"switchCameraFacingMode\":false,"
                + "\"dialPad\":false,\"settings\":true,\"recordingIndicator\":true}", config.get("callOptions").toString());
        assertEquals("{\"images\":{},\"messages\":{\"welcomeText\":\"Welcome\",\"inactiveText\":\"This link is not active yet\","
                + "\"expirationText\":\"This link has expired\"},\"colors\":{\"primary\":\"#0A7CFF\","
                + "\"primaryText\":\"#FFFFFF\",\"background\":\"#F4F6F8\"}}", config.get("theme").toString());
        assertEquals(config, http.get(CONFIGS + "/" + id, auth(key)).json());

        var changed = http.putJson(CONFIGS + "/" + id, key, """
                {"name": "Sales", "initialOptions": {"video": true, "muted": true, "cameraFacingMode": "ENVIRONMENT"},
                 "callOptions": {"screenShare": false, "dialPad": true},
                 "theme": {"messages": {"welcomeText": "Hi!\\nTalk to us"}, "colors": {"primary": "#a1b", "background": "#00ff7f"}}}""");
        assertEquals(200, changed.status(), changed.body());
        JsonNode after = changed.json();
        assertEquals("Sales", after.get("name").asText());
        assertTrue(after.get("initialOptions").get("video").asBoolean());
        assertTrue(after.get("initialOptions").get("audio").asBoolean(), "left out: the built-in value");
        assertEquals("ENVIRONMENT", after.get("initialOptions").get("cameraFacingMode").asText());
        assertFalse(after.get("callOptions").get("screenShare").asBoolean());
        assertTrue(after.get("callOptions").get("dialPad").asBoolean());
        assertEquals("Hi!\nTalk to us", after.get("theme").get("messages").get("welcomeText").asText());
        assertEquals("This link has expired", after.get("theme").get("messages").get("expirationText").asText());
        assertEquals("#A1B", after.get("theme").get("colors").get("primary").asText(), "kept as #RGB, in upper case");
        assertEquals("#00FF7F", after.get("theme").get("colors").get("background").asText());
        assertTrue(after.get("isDefault").asBoolean(), "PUT without isDefault keeps the role");
        assertEquals(config.get("createdAt"), after.get("createdAt"));

        assertEquals(204, http.delete(CONFIGS + "/" + id, auth(key)).status());
        assertProblem(http.get(CONFIGS + "/" + id, auth(key)), 404);
        assertProblem(http.delete(CONFIGS + "/" + id, auth(key)), 404);
        assertProblem(http.putJson(CONFIGS + "/" + id, key, "{\"name\": \"x\"}"), 404);
    }

    @Test
    void anAccountWithConfigurationsHasExactlyOneDefault() {
        String key = newAccount("Default Config Co");
        String first = createConfig(http, key, "{\"name\": \"first\"}");
        String second = createConfig(http, key, "{\"name\": \"second\", \"isDefault\": false}");
        assertEquals(List.of(first), defaults(key));
        String third = createConfig(http, key, "{\"name\": \"third\", \"isDefault\": true}");
        assertEquals(List.of(third), defaults(key), "a new configuration can take the default");
        assertInvalid(http.putJson(CONFIGS + "/" + third, key, "{\"name\": \"third\", \"isDefault\": false}"), "isDefault");
        assertEquals(200, http.putJson(CONFIGS + "/" + second, key, "{\"name\": \"second\", \"isDefault\": true}").status());
        assertEquals(List.of(second), defaults(key), "PUT isDefault=true moves it");
        assertEquals(204, http.delete(CONFIGS + "/" + second, auth(key)).status());
        assertEquals(List.of(first), defaults(key), "deleting the default hands it to the oldest left");
        assertEquals(204, http.delete(CONFIGS + "/" + first, auth(key)).status());
        assertEquals(List.of(third), defaults(key));
        assertEquals(204, http.delete(CONFIGS + "/" + third, auth(key)).status());
        assertEquals(List.of(), defaults(key));
        assertEquals(List.of(createConfig(http, key, "{\"name\": \"again\"}")), defaults(key),
                "after the last is deleted, the next one is the default again");
    }

    @Test
    void invalidConfigurationsNameEachFieldAtFault() {
        String key = newAccount("Invalid Config Co");
        var several = http.postJson(CONFIGS, key, "{\"theme\": {\"colors\": {\"primary\": \"blue\", \"background\": \"#12345\"},"
                + " \"messages\": {\"inactiveText\": \"\"}}}");
        for (String field : List.of("name", "theme.colors.primary", "theme.colors.background",
                "theme.messages.inactiveText")) {
            assertInvalid(several, field);
        }
        for (var bad : List.of(
                List.of("{\"name\": \"" + "n".repeat(101) + "\"}", "name"),
                List.of("{\"name\": \"a\\u0007b\"}", "name"),
                List.of("{\"name\": \"c\", \"isDefault\": \"yes\"}", "isDefault"),
                List.of("{\"name\": \"c\", \"initialOptions\": {\"cameraFacingMode\": \"FRONT\"}}", "initialOptions.cameraFacingMode"),
                List.of("{\"name\": \"c\", \"initialOptions\": {\"audio\": 1}}", "initialOptions.audio"),
                List.of("{\"name\": \"c\", \"initialOptions\": {\"volume\": 1}}", "initialOptions.volume"),
                List.of("{\"name\": \"c\", \"callOptions\": {\"chat\": true}}", "callOptions.chat"),
                List.of("{\"name\": \"c\", \"theme\": {\"colors\": {\"primaryText\": \"#GGGGGG\"}}}", "theme.colors.primaryText"),
                List.of("{\"name\": \"c\", \"theme\": {\"colors\": {\"primary\": \"#0A7CFF80\"}}}", "theme.colors.primary"),
                List.of("{\"name\": \"c\", \"theme\": {\"messages\": {\"welcomeText\": \"" + "w".repeat(501) + "\"}}}",
                        "theme.messages.welcomeText"),
                List.of("{\"name\": \"c\", \"theme\": {\"messages\": {\"welcomeText\": \"a\\u0000\"}}}", "theme.messages.welcomeText"),
                List.of("{\"name\": \"c\", \"theme\": {\"images\": {\"logoImageId\": \"img_nope\"}}}", "theme.images.logoImageId"),
                List.of("{\"name\": \"c\", \"theme\": {\"font\": \"x\"}}", "theme.font"),
                List.of("{\"name\": \"c\", \"colour\": \"x\"}", "colour"))) {
            assertInvalid(http.postJson(CONFIGS, key, bad.get(0)), bad.get(1));
        }
        assertEquals(0, http.get(CONFIGS, auth(key)).json().get("paging").get("totalResults").asInt(), "nothing stored");
    }

    @Test
    void configurationsArePaged() {
        String key = newAccount("Paging Config Co");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(createConfig(http, key, "{\"name\": \"c" + i + "\"}"));
        }
        JsonNode page = http.get(CONFIGS + "?page=1&size=2", auth(key)).json();
        assertEquals(5, page.get("paging").get("totalResults").asInt());
        assertEquals(3, page.get("paging").get("totalPages").asInt());
        // Oldest first; two created in the same millisecond come in id order, so compare with the whole list.
        List<String> all = http.get(CONFIGS + "?size=100", auth(key)).json().get("results").findValuesAsText("id");
        assertEquals(java.util.Set.copyOf(ids), java.util.Set.copyOf(all));
        assertEquals(all.subList(2, 4), page.get("results").findValuesAsText("id"));
        assertInvalid(http.get(CONFIGS + "?size=101", auth(key)), "size");
    }

    // --- images -------------------------------------------------------------------------------

    @Test
    void pngJpegAndWebpAreKeptWithTheirRealTypeAndDimensions() {
        String key = newAccount("Image Co");
        byte[] png = TestImages.solid("png", 200, 50, Color.RED);
        byte[] jpeg = TestImages.solid("jpg", 640, 480, Color.BLUE);
        byte[] webp = TestImages.webp(300, 120);
        JsonNode pngImage = created(MultipartUpload.upload(http, key, "LOGO", "dir/../logo.png", png));
        assertEquals("logo.png", pngImage.get("name").asText(), "no directories in the name");
        assertEquals("LOGO", pngImage.get("type").asText());
        assertEquals(png.length, pngImage.get("size").asLong());
        assertEquals(200, pngImage.get("width").asInt());
        assertEquals(50, pngImage.get("height").asInt());
        assertEquals("image/png", pngImage.get("contentType").asText());
        // The name and the part's Content-Type say nothing: the bytes decide.
        JsonNode jpegImage = created(MultipartUpload.upload(http, key, "BACKGROUND", "photo.png", jpeg));
        assertEquals("image/jpeg", jpegImage.get("contentType").asText());
        assertEquals(640, jpegImage.get("width").asInt());
        JsonNode webpImage = created(MultipartUpload.upload(http, key, "LOGO", "mark.gif", webp));
        assertEquals("image/webp", webpImage.get("contentType").asText());
        assertEquals(300, webpImage.get("width").asInt());
        assertEquals(120, webpImage.get("height").asInt());

        String id = pngImage.get("id").asText();
        assertEquals(pngImage, http.get(IMAGES + "/" + id, auth(key)).json());
        assertEquals(3, http.get(IMAGES, auth(key)).json().get("paging").get("totalResults").asInt());
        var bytes = http.getBytes("/call-link/1/public/images/" + id);
        assertEquals(200, bytes.status());
        assertArrayEquals(png, bytes.body(), "the public route serves exactly the bytes uploaded");
        var headers = http.get("/call-link/1/public/images/" + webpImage.get("id").asText());
        assertEquals("image/webp", headers.contentType());
        assertEquals("nosniff", headers.header("X-Content-Type-Options").orElse(""));
        assertEquals("public, max-age=86400", headers.header("Cache-Control").orElse(""));

        assertEquals(204, http.delete(IMAGES + "/" + id, auth(key)).status());
        assertProblem(http.get(IMAGES + "/" + id, auth(key)), 404);
        assertProblem(http.get("/call-link/1/public/images/" + id), 404);
    }

    @Test
    void svgGifAndOtherBytesAreRefusedWhateverTheirName() {
        String key = newAccount("Bad Image Co");
        for (var upload : List.of(
                Map.entry("logo.svg", TestImages.svg()),
                Map.entry("logo.png", TestImages.svg()),
                Map.entry("anim.gif", TestImages.solid("gif", 64, 64, Color.GREEN)),
                Map.entry("logo.png", TestImages.solid("gif", 64, 64, Color.GREEN)),
                Map.entry("logo.jpg", TestImages.solid("bmp", 64, 64, Color.GREEN)),
                Map.entry("logo.webp", "RIFF....WEBPVP8Lnot really".getBytes(StandardCharsets.US_ASCII)),
                Map.entry("page.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))) {
            var response = MultipartUpload.upload(http, key, "LOGO", upload.getKey(), upload.getValue());
            assertProblem(response, 415);
            assertTrue(response.body().contains("\"file\""), response.body());
        }
        assertInvalid(MultipartUpload.upload(http, key, "LOGO", "empty.png", new byte[0]), "file");
        assertEquals(0, http.get(IMAGES, auth(key)).json().get("paging").get("totalResults").asInt(), "nothing stored");
    }

    @Test
    void sizeAndDimensionsAreBoundedByType() {
        String key = newAccount("Big Image Co");
        byte[] big = TestImages.noisePng(700, 700, 7); // about 1.4 MB: too much for a logo, fine for a background
        assertTrue(big.length > 1024 * 1024 && big.length < 5 * 1024 * 1024, "size " + big.length);
        assertProblem(MultipartUpload.upload(http, key, "LOGO", "big.png", big), 413);
        JsonNode background = created(MultipartUpload.upload(http, key, "BACKGROUND", "big.png", big));
        assertEquals(big.length, background.get("size").asLong(), "the upload route reads past http.max-body-bytes");
        assertArrayEquals(big, http.getBytes("/call-link/1/public/images/" + background.get("id").asText()).body());

        assertInvalid(MultipartUpload.upload(http, key, "LOGO", "wide.png", TestImages.solid("png", 2049, 16, Color.BLACK)), "file");
        assertInvalid(MultipartUpload.upload(http, key, "LOGO", "tiny.png", TestImages.solid("png", 15, 15, Color.BLACK)), "file");
        assertInvalid(MultipartUpload.upload(http, key, "LOGO", "claims.webp", TestImages.webp(16384, 16384)), "file");
        assertInvalid(MultipartUpload.upload(http, key, "BACKGROUND", "tall.png",
                TestImages.solid("png", 16, 8193, Color.BLACK)), "file");
        created(MultipartUpload.upload(http, key, "BACKGROUND", "wide.png", TestImages.solid("png", 8192, 16, Color.BLACK)));
        created(MultipartUpload.upload(http, key, "LOGO", "edge.png", TestImages.solid("png", 2048, 16, Color.BLACK)));

        byte[] huge = new byte[6 * 1024 * 1024];
        assertProblem(MultipartUpload.upload(http, key, "BACKGROUND", "huge.png", huge), 413);
        // Only the upload route may send that much: elsewhere the global limit stands.
        assertProblem(http.postJson(CONFIGS, key, "{\"name\": \"" + "x".repeat(100_000) + "\"}"), 413);
        assertProblem(MultipartUpload.post(http, IMAGES + "/upload/ICON", key,
                "multipart/form-data; boundary=" + MultipartUpload.BOUNDARY,
                MultipartUpload.body("file", "a.png", "image/png", TestImages.solid("png", 20, 20, Color.RED))), 400);
    }

    @Test
    void anImageInUseCannotBeDeletedAndThemesNeedTheRightType() {
        String key = newAccount("Theme Co");
        String logo = created(MultipartUpload.upload(http, key, "LOGO", "l.png", TestImages.solid("png", 64, 64, Color.RED)))
                .get("id").asText();
        String background = created(MultipartUpload.upload(http, key, "BACKGROUND", "b.png",
                TestImages.solid("png", 64, 64, Color.BLUE))).get("id").asText();
        assertInvalid(http.postJson(CONFIGS, key, "{\"name\": \"c\", \"theme\": {\"images\": {\"logoImageId\": \""
                + background + "\"}}}"), "theme.images.logoImageId");
        assertInvalid(http.postJson(CONFIGS, key, "{\"name\": \"c\", \"theme\": {\"images\": {\"backgroundImageId\": \""
                + logo + "\"}}}"), "theme.images.backgroundImageId");
        String config = createConfig(http, key, "{\"name\": \"c\", \"theme\": {\"images\": {\"logoImageId\": \"" + logo
                + "\", \"backgroundImageId\": \"" + background + "\"}}}");
        var conflict = http.delete(IMAGES + "/" + logo, auth(key));
        assertProblem(conflict, 409);
        assertTrue(conflict.json().get("detail").asText().contains(config), conflict.body());
        assertEquals(200, http.putJson(CONFIGS + "/" + config, key, "{\"name\": \"c\"}").status());
        assertEquals(204, http.delete(IMAGES + "/" + logo, auth(key)).status(), "free once no theme shows it");
    }

    @Test
    void brokenUploadsAreClientErrors() {
        String key = newAccount("Broken Upload Co");
        String form = "multipart/form-data; boundary=" + MultipartUpload.BOUNDARY;
        byte[] png = TestImages.solid("png", 20, 20, Color.RED);
        assertProblem(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, "image/png", png), 415);
        assertProblem(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, null, png), 415);
        assertInvalid(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, "multipart/form-data", png), "Content-Type");
        assertInvalid(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, form, png), "body");
        assertInvalid(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, form, new byte[0]), "body");
        assertInvalid(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, form,
                MultipartUpload.body("image", "a.png", "image/png", png)), "image");
        byte[] unclosed = MultipartUpload.body("file", "a.png", "image/png", png);
        assertInvalid(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, form,
                java.util.Arrays.copyOf(unclosed, unclosed.length - 30)), "body");
        byte[] one = MultipartUpload.body("file", "a.png", "image/png", png);
        var twice = new java.io.ByteArrayOutputStream();
        twice.writeBytes(java.util.Arrays.copyOf(one, one.length - 4)); // without the closing "--\r\n"
        twice.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        twice.writeBytes(java.util.Arrays.copyOfRange(one, ("--" + MultipartUpload.BOUNDARY + "\r\n").length(), one.length));
        assertInvalid(MultipartUpload.post(http, IMAGES + "/upload/LOGO", key, form, twice.toByteArray()), "file");
        var random = new java.util.Random(3);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[random.nextInt(3000)];
            random.nextBytes(noise);
            int status = MultipartUpload.post(http, IMAGES + "/upload/BACKGROUND", key, form, noise).status();
            assertTrue(status >= 400 && status < 500, "noise gets a client error, not " + status);
        }
        assertProblem(MultipartUpload.upload(http, "ak_nope.secret", "LOGO", "a.png", png), 401);
        assertEquals(0, http.get(IMAGES, auth(key)).json().get("paging").get("totalResults").asInt());
    }

    @Test
    void uploadsPastTheServersCapAreToldToRetryAndTheCapFreesAsUploadsEnd() throws Exception {
        String key = newAccount("Slow Upload Co");
        var uri = java.net.URI.create(http.baseUrl());
        var stalled = new ArrayList<java.net.Socket>();
        try {
            // Nine uploads that send their headers and a little of their body, then stall: eight
            // are taken in and wait for the rest of their bodies, whichever came last is refused.
            for (int i = 0; i < 9; i++) {
                var socket = new java.net.Socket(uri.getHost(), uri.getPort());
                socket.setSoTimeout(50);
                socket.getOutputStream().write(("POST " + IMAGES + "/upload/BACKGROUND HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: App " + key + "\r\nContent-Type: multipart/form-data; boundary="
                        + MultipartUpload.BOUNDARY + "\r\nContent-Length: 4000000\r\n\r\n--" + MultipartUpload.BOUNDARY
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            var answers = new java.util.HashMap<Integer, String>();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (answers.isEmpty() && System.nanoTime() < deadline) {
                for (int i = 0; i < stalled.size(); i++) {
                    byte[] buffer = new byte[4096];
                    try {
                        int n = stalled.get(i).getInputStream().read(buffer);
                        answers.put(i, n > 0 ? new String(buffer, 0, n, StandardCharsets.US_ASCII) : "closed");
                    } catch (java.net.SocketTimeoutException stillWaiting) {
                        // taken in: the server waits for the rest of its body
                    }
                }
            }
            assertEquals(1, answers.size(), "exactly one of nine stalled uploads is refused: " + answers);
            String refused = answers.values().iterator().next();
            assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
            assertTrue(refused.contains("Retry-After: 1"), refused);
            assertTrue(refused.contains("application/problem+json"), refused);
        } finally {
            for (var socket : stalled) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 201) {
            status = MultipartUpload.upload(http, key, "LOGO", "a.png", TestImages.solid("png", 20, 20, Color.BLUE)).status();
            Thread.sleep(20);
        }
        assertEquals(201, status, "the cap is freed once the stalled uploads are gone");
    }

    // --- tenant isolation ----------------------------------------------------------------------

    @Test
    void anotherAccountsConfigurationsImagesAndLinksAreNotFound() {
        String owner = newAccount("Owner Co");
        String other = newAccount("Other Co");
        String image = created(MultipartUpload.upload(http, owner, "LOGO", "l.png",
                TestImages.solid("png", 32, 32, Color.RED))).get("id").asText();
        String config = createConfig(http, owner, "{\"name\": \"c\"}");
        String link = CallLinkPublicContract.createLink(http, owner, "{\"destination\": {\"type\": \"ROOM\", \"roomName\": \"lobby\"}}")
                .get("id").asText();
        for (String path : List.of(CONFIGS + "/" + config, IMAGES + "/" + image, LINKS + "/" + link)) {
            assertProblem(http.get(path, auth(other)), 404);
            assertProblem(http.delete(path, auth(other)), 404);
        }
        assertProblem(http.putJson(CONFIGS + "/" + config, other, "{\"name\": \"mine\"}"), 404);
        for (String list : List.of(CONFIGS, IMAGES, LINKS)) {
            assertEquals(0, http.get(list, auth(other)).json().get("paging").get("totalResults").asInt(), list);
        }
        assertInvalid(http.postJson(CONFIGS, other, "{\"name\": \"c\", \"theme\": {\"images\": {\"logoImageId\": \"" + image
                + "\"}}}"), "theme.images.logoImageId");
        assertInvalid(CallLinkPublicContract.post(http, other, "{\"callLinkConfigId\": \"" + config
                + "\", \"destination\": {\"type\": \"ROOM\", \"roomName\": \"lobby\"}}"), "callLinkConfigId");
        var platform = server.server().platform();
        assertTrue(platform.callLinks().grant(other, link).isEmpty(), "no grant across accounts");
        assertFalse(platform.callLinks().markUsed(other, link), "no use across accounts");
        for (String path : List.of(CONFIGS + "/" + config, IMAGES + "/" + image, LINKS + "/" + link)) {
            assertEquals(200, http.get(path, auth(owner)).status(), "still there for its owner: " + path);
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    Platform platform() {
        return server.server().platform();
    }

    static String createConfig(Http http, String key, String json) {
        return created(http.postJson(CONFIGS, key, json)).get("id").asText();
    }

    List<String> defaults(String key) {
        var ids = new ArrayList<String>();
        http.get(CONFIGS + "?size=100", auth(key)).json().get("results").forEach(c -> {
            if (c.get("isDefault").asBoolean()) {
                ids.add(c.get("id").asText());
            }
        });
        return ids;
    }
}
