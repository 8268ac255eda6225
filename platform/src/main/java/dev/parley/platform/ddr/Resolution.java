package dev.parley.platform.ddr;

import java.util.Optional;

/** The outcome of asking an account's callback URL where a call goes. */
public sealed interface Resolution {

    /**
     * Route the call. {@code source}, when present, replaces the caller shown to the callee
     * (number masking): an identity for {@link RouteAction#CALL}, an E.164 number for
     * {@link RouteAction#CALL_PHONE_NUMBER}.
     */
    record Route(RouteAction action, String destination, Optional<String> source) implements Resolution {
    }

    /** The callback failed; {@code detail} says how, for logs (it may hold the URL, not secrets). */
    record Failed(ResolveFailure failure, String detail) implements Resolution {
        public int code() {
            return failure.code();
        }
    }

    /** The account has no dynamic destination configuration. */
    record NotConfigured() implements Resolution {
    }
}
