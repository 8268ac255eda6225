package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.POST;

import dev.parley.media.MediaServer;
import dev.parley.media.Peer;
import dev.parley.media.negotiation.NegotiationException;
import dev.parley.platform.token.TokenVerifier;
import dev.parley.platform.token.VerifiedIdentity;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * WHIP (RFC 9725) and WHEP: a client posts an SDP offer to publish into a room, or to play
 * what is published there, and gets the answer plus a session URL that DELETE ends. Clients
 * authenticate with an identity token ({@code Authorization: Bearer}); rooms belong to the
 * token's account, so two accounts' rooms of the same name never meet.
 */
final class MediaApi {

    static final String SDP = "application/sdp";
    private static final Pattern ROOM = Pattern.compile("^[\\p{L}\\p{N}\\w.\\-+=]{3,250}$");
    private static final long TIMEOUT_SECONDS = 10;

    private MediaApi() {
    }

    static void register(RouteTable routes, Requests requests, MediaServer media, TokenVerifier tokens) {
        for (String protocol : List.of("whip", "whep")) {
            Peer.Intent intent = protocol.equals("whip") ? Peer.Intent.PUBLISH : Peer.Intent.PLAY;
            routes.publicRoute(POST, "/" + protocol + "/{room}", ctx -> {
                VerifiedIdentity identity = bearer(ctx, tokens);
                String room = room(ctx);
                byte[] body = requests.body(ctx);
                Requests.requireContentType(ctx, SDP);
                if (body.length == 0) {
                    throw ApiProblem.invalid("body", "must be an SDP offer");
                }
                MediaServer.Answer answer;
                try {
                    answer = media.acceptOffer(roomKey(identity, room), identity.identity(),
                            new String(body, StandardCharsets.UTF_8), intent).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof NegotiationException refused) {
                        throw ApiProblem.invalid("body", "the SDP offer cannot be used: " + refused.getMessage());
                    }
                    throw new IllegalStateException("the media server failed on an offer", e.getCause());
                }
                ctx.status(201)
                        .contentType(SDP)
                        .header("Location", "/" + protocol + "/" + room + "/" + answer.peerId())
                        .result(answer.sdp());
            });
            routes.publicRoute(DELETE, "/" + protocol + "/{room}/{session}", ctx -> {
                VerifiedIdentity identity = bearer(ctx, tokens);
                String room = room(ctx);
                String session = ctx.pathParam("session");
                String expectedKey = roomKey(identity, room);
                boolean mine = media.withPeer(session, peer -> peer.room().key().equals(expectedKey))
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElse(false);
                if (!mine) {
                    throw ApiProblem.notFound("no " + protocol.toUpperCase(java.util.Locale.ROOT) + " session " + session
                            + " in room " + room);
                }
                media.closePeer(session, "ended by " + protocol.toUpperCase(java.util.Locale.ROOT) + " DELETE")
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                ctx.status(200);
            });
        }
    }

    /** Rooms are per account: the key the media server knows them by. */
    static String roomKey(VerifiedIdentity identity, String room) {
        return identity.accountId() + "/" + room;
    }

    private static String room(Context ctx) {
        String room = ctx.pathParam("room");
        if (!ROOM.matcher(room).matches()) {
            throw ApiProblem.invalid("room", "must be 3 to 250 letters, digits or the characters _ . - + =");
        }
        return room;
    }

    private static VerifiedIdentity bearer(Context ctx, TokenVerifier tokens) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw bearerProblem("this endpoint needs 'Authorization: Bearer <identity token>'");
        }
        try {
            return tokens.identity(header.substring(7).strip());
        } catch (TokenVerifier.InvalidToken e) {
            throw bearerProblem(e.getMessage());
        }
    }

    private static ApiProblem bearerProblem(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"parley\""));
    }

}
