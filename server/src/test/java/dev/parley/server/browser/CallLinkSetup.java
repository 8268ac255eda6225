package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.Http;
import dev.parley.server.support.MultipartUpload;
import dev.parley.server.support.TestImages;
import java.awt.Color;

/**
 * What a business does before sharing a call link, through the REST API with its API key:
 * upload images, create a configuration, create links, and issue identity tokens for its own
 * users (the ones links call).
 */
final class CallLinkSetup {

    /** A created link: its id and the URL an end user opens. */
    record Link(String id, String url) {
        String code() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    private final Http http;
    private final String apiKey;

    CallLinkSetup(Http http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
    }

    private JsonNode ok(Http.Response response, int status) {
        assertEquals(status, response.status(), response.toString());
        return response.json();
    }

    /** An identity token for one of the account's users (what the business's backend would issue). */
    String identityToken(String identity, String displayName) {
        return ok(http.postJson("/webrtc/1/token", apiKey,
                "{\"identity\": \"" + identity + "\", \"displayName\": \"" + displayName + "\"}"), 200)
                .path("token").asText();
    }

    /** Uploads {@code png} as a LOGO or BACKGROUND image (multipart, as a browser form would); returns its id. */
    String uploadImage(String type, byte[] png, String fileName) {
        var response = MultipartUpload.upload(http, apiKey, type, fileName, png);
        assertEquals(true, response.status() == 200 || response.status() == 201, response.toString());
        return response.json().path("id").asText();
    }

    /** Creates a configuration from its JSON; returns its id. */
    String createConfig(String json) {
        var response = http.postJson("/call-link/1/configs", apiKey, json);
        assertEquals(true, response.status() == 200 || response.status() == 201, response.toString());
        return response.json().path("id").asText();
    }

    /** Creates a link from its JSON; returns its id and URL. */
    Link createLink(String json) {
        var response = http.postJson("/call-link/1/links", apiKey, json);
        assertEquals(true, response.status() == 200 || response.status() == 201, response.toString());
        JsonNode link = response.json();
        return new Link(link.path("id").asText(), link.path("url").asText());
    }

    /** The account's recording setting ({@code NO_RECORDING}, {@code AUDIO}, {@code AUDIO_AND_VIDEO}). */
    void recording(String recording) {
        ok(http.putJson("/webrtc/1/recording-settings", apiKey,
                "{\"recording\": \"" + recording + "\", \"compose\": false}"), 200);
    }

    /** What the public endpoint says of a link (no API key). */
    JsonNode publicView(Link link) {
        return ok(http.get("/call-link/1/public/links/" + link.code()), 200);
    }

    /** A PNG of {@code width} × {@code height} pixels all of one colour. */
    static byte[] solidPng(int width, int height, Color color) {
        return TestImages.solid("png", width, height, color);
    }
}
