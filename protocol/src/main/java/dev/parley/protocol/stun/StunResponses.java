package dev.parley.protocol.stun;

import dev.parley.protocol.stun.StunAttribute.ErrorCode;
import dev.parley.protocol.stun.StunAttribute.UnknownAttributes;
import dev.parley.protocol.stun.StunAttribute.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Ready-made responses to a request. Every one ends with FINGERPRINT, which ICE requires on
 * all its STUN traffic (RFC 8445 §7). MESSAGE-INTEGRITY follows RFC 8489 §9.1.4: a request that
 * passed authentication gets an authenticated answer; 400 and 401 are sent without it, since
 * the request's credentials were missing or wrong.
 */
public final class StunResponses {

    private StunResponses() {
    }

    /**
     * A Binding success response carrying XOR-MAPPED-ADDRESS {@code mapped} (the source the
     * request came from), MESSAGE-INTEGRITY keyed with {@code key} and FINGERPRINT.
     */
    public static byte[] bindingSuccess(TransactionId transactionId, InetSocketAddress mapped, byte[] key) {
        return StunMessage.builder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, transactionId)
                .add(new XorMappedAddress(mapped))
                .integrity(key)
                .fingerprint()
                .encode();
    }

    /** 400 Bad Request: malformed or missing USERNAME / MESSAGE-INTEGRITY. Unauthenticated. */
    public static byte[] badRequest(StunMessage request) {
        return error(request, new ErrorCode(ErrorCode.BAD_REQUEST, "Bad Request"), List.of(), Optional.empty());
    }

    /** 401 Unauthenticated: unknown USERNAME or a MESSAGE-INTEGRITY that does not verify. */
    public static byte[] unauthenticated(StunMessage request) {
        return error(request, new ErrorCode(ErrorCode.UNAUTHENTICATED, "Unauthenticated"), List.of(), Optional.empty());
    }

    /** 420 Unknown Attribute with UNKNOWN-ATTRIBUTES listing {@code types}; authenticated with {@code key}. */
    public static byte[] unknownAttributes(StunMessage request, List<Integer> types, byte[] key) {
        return error(request, new ErrorCode(ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute"),
                List.of(new UnknownAttributes(types)), Optional.of(key));
    }

    /** 487 Role Conflict (RFC 8445 §7.3.1.1); authenticated with {@code key}. */
    public static byte[] roleConflict(StunMessage request, byte[] key) {
        return error(request, new ErrorCode(ErrorCode.ROLE_CONFLICT, "Role Conflict"), List.of(), Optional.of(key));
    }

    /** Any error response: ERROR-CODE, then {@code extra}, then MESSAGE-INTEGRITY if a key is given, then FINGERPRINT. */
    public static byte[] error(StunMessage request, ErrorCode error, List<StunAttribute> extra, Optional<byte[]> key) {
        var builder = StunMessage.builder(request.method(), StunClass.ERROR_RESPONSE, request.transactionId())
                .add(error);
        extra.forEach(builder::add);
        key.ifPresent(builder::integrity);
        return builder.fingerprint().encode();
    }
}
