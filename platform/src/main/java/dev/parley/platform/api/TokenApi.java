package dev.parley.platform.api;

import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.identity.IdentityDirectory;
import dev.parley.platform.token.IdentityTokenRequest;
import dev.parley.platform.token.IdentityTokens;
import dev.parley.platform.token.RecordingCapability;
import dev.parley.platform.token.TokenLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code POST /webrtc/1/token}: the customer's backend mints an identity token for one of its users. */
final class TokenApi {

    private TokenApi() {
    }

    static void register(RouteTable routes, Requests requests, IdentityTokens tokens, IdentityDirectory identities,
                         RateLimits limits) {
        routes.withKey(POST, "/webrtc/1/token", (ctx, caller) -> {
            limits.check("app:" + caller.id());
            var body = requests.json(ctx);
            String identity = body.requiredString("identity");
            Optional<String> displayName = body.string("displayName");
            long ttl = body.integer("timeToLive").orElse(TokenLimits.DEFAULT_IDENTITY_TTL.toSeconds());
            Optional<RecordingCapability> recording = body.object("capabilities")
                    .flatMap(capabilities -> {
                        var value = capabilities.enumValue("recording", RecordingCapability.class);
                        capabilities.rejectUnknownFields();
                        return value;
                    });
            body.rejectUnknownFields();
            IdentityTokenRequest request;
            try {
                request = new IdentityTokenRequest(identity, displayName, Duration.ofSeconds(ttl), recording);
            } catch (InvalidInput e) {
                throw ApiProblem.invalid(e);
            }
            var issued = tokens.issue(caller.accountId(), request);
            // From now on the identity exists for signaling (DESTINATION_UNAVAILABLE, not NOT_FOUND).
            identities.touch(caller.accountId(), request.identity(), request.displayName());
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Map.of("token", issued.token(), "expirationTime", issued.expiresAt().toString()));
        });
    }
}
