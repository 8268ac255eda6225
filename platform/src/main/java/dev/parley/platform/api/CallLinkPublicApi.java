package dev.parley.platform.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.calllink.CallLinkImages;
import dev.parley.platform.calllink.CallLinkPages;
import dev.parley.platform.calllink.Destination;
import dev.parley.platform.calllink.LinkNotActive;
import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the call page reaches without an API key: a link's state and look, the theme's images,
 * a session for the end user, and the page itself at {@code /l/{code}}. Everything is rate
 * limited per client address; the code (about 71 random bits) is the only credential, so an
 * unknown code and a deleted link answer the same 404.
 */
final class CallLinkPublicApi {

    private static final String PATH = "/call-link/1/public";
    private static final String PAGE = "/public/link/index.html";

    private CallLinkPublicApi() {
    }

    static void register(RouteTable routes, Requests requests, CallLinkPages pages, CallLinkImages images,
                         RateLimits limits) {
        routes.publicRoute(GET, PATH + "/links/{code}", ctx -> {
            limits.check("call-link:" + ctx.ip());
            var view = view(pages, ctx.pathParam("code"));
            ctx.header("Cache-Control", "no-store"); // the state changes with the clock and with use
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, body(view));
        });
        routes.publicRoute(GET, PATH + "/images/{imageId}", ctx -> {
            limits.check("call-link:" + ctx.ip());
            var image = images.content(ctx.pathParam("imageId"))
                    .orElseThrow(() -> ApiProblem.notFound("no such image"));
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.status(200).contentType(image.contentType()).result(image.bytes());
        });
        routes.publicRoute(POST, PATH + "/links/{code}/session", ctx -> {
            limits.check("call-link:" + ctx.ip());
            var body = requests.json(ctx);
            Optional<String> displayName = body.string("displayName");
            body.rejectUnknownFields();
            CallLinkPages.Session session;
            try {
                session = pages.session(ctx.pathParam("code"), displayName);
            } catch (NotFound e) {
                throw ApiProblem.notFound("no such call link");
            } catch (LinkNotActive e) {
                throw new ApiProblem(409, "Link not active", e.getMessage()).with("state", e.state().name());
            } catch (InvalidInput e) {
                throw ApiProblem.invalid(e);
            }
            var answer = new LinkedHashMap<String, Object>();
            answer.put("token", session.token());
            answer.put("identity", session.identity());
            answer.put("displayName", session.displayName().orElse(null));
            answer.put("expiresAt", session.expiresAt().toString());
            answer.put("destination", CallLinksApi.destination(session.destination()));
            ctx.header("Cache-Control", "no-store");
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, answer);
        });
        // The page: the same file for every code; it reads the code from location.pathname.
        routes.publicRoute(GET, "/l/{code}", ctx -> {
            limits.check("call-link:" + ctx.ip());
            byte[] html = page();
            ctx.header("Cache-Control", "no-cache");
            ctx.header("X-Content-Type-Options", "nosniff");
            // The code is the link's only credential: keep it out of Referer headers to other sites.
            ctx.header("Referrer-Policy", "no-referrer");
            // The page shows texts and images a customer configured to anyone with the URL: only
            // its own script and styles run, whatever ends up in them (defence in depth; the page
            // sets texts as textContent). Framing stays allowed: customers embed the page.
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            ctx.status(200).contentType("text/html; charset=utf-8").result(html);
        });
    }

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private static CallLinkPages.View view(CallLinkPages pages, String code) {
        try {
            return pages.view(code);
        } catch (NotFound e) {
            throw ApiProblem.notFound("no such call link");
        }
    }

    private static Map<String, Object> body(CallLinkPages.View view) {
        var link = view.link();
        var config = view.config();
        var body = new LinkedHashMap<String, Object>();
        body.put("state", view.state().name());
        body.put("message", view.message());
        body.put("askName", view.askName());
        body.put("displayName", link.displayName().orElse(null));
        var destination = new HashMap<String, Object>();
        destination.put("type", link.destination().type().name());
        destination.put("name", switch (link.destination()) {
            case Destination.Room room -> room.roomName();
            case Destination.Webrtc webrtc -> link.showIdentity() ? webrtc.identity() : null;
            case Destination.Phone phone -> link.showIdentity() ? phone.phoneNumber() : null;
        });
        body.put("destination", destination);
        body.put("initialOptions", CallLinkConfigsApi.initialOptions(config.initialOptions()));
        body.put("callOptions", CallLinkConfigsApi.callOptions(config.callOptions()));
        var theme = new LinkedHashMap<String, Object>();
        theme.put("colors", CallLinkConfigsApi.colors(config.theme().colors()));
        theme.put("logoUrl", config.theme().logoImageId().map(id -> PATH + "/images/" + id).orElse(null));
        theme.put("backgroundUrl", config.theme().backgroundImageId().map(id -> PATH + "/images/" + id).orElse(null));
        body.put("theme", theme);
        return body;
    }

    private static byte[] page() {
        try (InputStream in = CallLinkPublicApi.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw ApiProblem.notFound("the call page is not part of this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PAGE, e);
        }
    }
}
