package dev.parley.platform.calllink;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.identity.IdentityDirectory;
import dev.parley.platform.token.IdentityTokenRequest;
import dev.parley.platform.token.IdentityTokens;
import dev.parley.platform.token.IssuedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the public call page asks with nothing but a link's code: the link's state and look,
 * and a session (an identity token of the link's account, marked with the link's id). Opening
 * the page or starting a session never uses a one-time link up; only an established call does
 * ({@link CallLinks#markUsed}).
 */
public final class CallLinkPages {

    /** A page's view of a link: the link, its state now, and the configuration that applies. */
    public record View(CallLink link, LinkState state, CallLinkConfig config) {
        /** No identity and no display name on the link: the page asks the end user's name. */
        public boolean askName() {
            return link.identity().isEmpty() && link.displayName().isEmpty();
        }

        /** The text for the state: welcome, inactive or expiration. */
        public String message() {
            var messages = config.theme().messages();
            return switch (state) {
                case ACTIVE -> messages.welcomeText();
                case INACTIVE -> messages.inactiveText();
                case EXPIRED -> messages.expirationText();
            };
        }
    }

    /** A session for the page: the token and who it is for, and where the call goes. */
    public record Session(String token, String identity, Optional<String> displayName, Instant expiresAt,
                          Destination destination) {
    }

    public static final Duration SESSION_TTL = Duration.ofHours(1);
    static final String GENERATED_PREFIX = "cl-";

    private final CallLinks links;
    private final CallLinkConfigs configs;
    private final IdentityTokens tokens;
    private final IdentityDirectory identities;
    private final Clock clock;

    public CallLinkPages(CallLinks links, CallLinkConfigs configs, IdentityTokens tokens, IdentityDirectory identities,
                         Clock clock) {
        this.links = links;
        this.configs = configs;
        this.tokens = tokens;
        this.identities = identities;
        this.clock = clock;
    }

    public View view(String code) {
        CallLink link = links.byCode(code).orElseThrow(() -> new NotFound("call link"));
        return new View(link, link.state(clock.instant()), configs.effective(link.accountId(), link.configId()));
    }

    /**
     * Issues a session. {@code displayName} is required when the link asks for a name and
     * ignored otherwise. {@link LinkNotActive} when the link is not ACTIVE.
     */
    public Session session(String code, Optional<String> displayName) {
        CallLink link = links.byCode(code).orElseThrow(() -> new NotFound("call link"));
        LinkState state = link.state(clock.instant());
        if (state != LinkState.ACTIVE) {
            throw new LinkNotActive(state);
        }
        boolean askName = link.identity().isEmpty() && link.displayName().isEmpty();
        Optional<String> name = askName ? displayName.map(String::strip) : link.displayName();
        if (askName && name.filter(n -> !n.isEmpty()).isEmpty()) {
            throw new InvalidInput("displayName", "is required: this link does not say who is calling");
        }
        String identity = link.identity().orElseGet(() -> GENERATED_PREFIX + LinkCodes.random(16));
        var request = new IdentityTokenRequest(identity, name, SESSION_TTL, Optional.empty(), Optional.of(link.id()));
        IssuedToken issued = tokens.issue(link.accountId(), request);
        // Signaling then knows the identity (DESTINATION_UNAVAILABLE rather than NOT_FOUND), as for POST /webrtc/1/token.
        identities.touch(link.accountId(), identity, name);
        return new Session(issued.token(), identity, name, issued.expiresAt(), link.destination());
    }
}
