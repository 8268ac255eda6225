package dev.parley.protocol.stun;

/**
 * The class of a STUN message (RFC 8489 §5): two bits, C1 and C0, spread over the message
 * type as {@code 0b00M_MMMM_C1MM_MC0M_MMMM}.
 */
public enum StunClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    /** The two class bits, C1 C0. */
    public int bits() {
        return bits;
    }

    static StunClass ofBits(int bits) {
        return switch (bits & 0b11) {
            case 0b00 -> REQUEST;
            case 0b01 -> INDICATION;
            case 0b10 -> SUCCESS_RESPONSE;
            default -> ERROR_RESPONSE;
        };
    }

    /** Interleaves a 12-bit method and this class into the 14-bit message type. */
    int messageType(int method) {
        int c0 = bits & 0b01;
        int c1 = (bits >> 1) & 0b01;
        return (method & 0x000F)
                | (c0 << 4)
                | ((method & 0x0070) << 1)
                | (c1 << 8)
                | ((method & 0x0F80) << 2);
    }

    static StunClass ofMessageType(int type) {
        return ofBits(((type >> 4) & 0b01) | ((type >> 7) & 0b10));
    }

    static int methodOfMessageType(int type) {
        return (type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80);
    }
}
