package dev.parley.protocol.srtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.fuzz.Fuzzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated SRTP/SRTCP (and, for protect, mutated RTP/RTCP) must never make a session throw, and
 * every result must be a defined code or a length within the input.
 */
class SrtpFuzzTest {

    private static final byte[] KEY = new byte[16];
    private static final int MAX_OVERHEAD = 20;

    private static SrtpSession session(SrtpProfile profile, boolean sender) {
        byte[] salt = new byte[profile.masterSaltLength()];
        Arrays.fill(salt, (byte) 3);
        return sender ? SrtpSession.sender(profile, KEY, salt) : SrtpSession.receiver(profile, KEY, salt);
    }

    /** Valid protected packets of both profiles and kinds, with CSRCs and extensions among them. */
    private static List<byte[]> protectedSeeds(boolean rtcp) {
        List<byte[]> seeds = new ArrayList<>();
        for (SrtpProfile profile : SrtpProfile.values()) {
            var sender = session(profile, true);
            for (int i = 0; i < 4; i++) {
                byte[] plain = rtcp ? Bytes.rtcp(0x1234 + i, i * 3) : plainRtp(i);
                byte[] buf = Bytes.withRoom(plain, MAX_OVERHEAD);
                int len = rtcp ? sender.protectRtcp(buf, 0, plain.length) : sender.protectRtp(buf, 0, plain.length);
                seeds.add(Arrays.copyOf(buf, len));
            }
        }
        return seeds;
    }

    private static byte[] plainRtp(int variant) {
        byte[] plain = Bytes.rtp(65534 + variant, 0x1234 + variant, 20 * variant);
        if (variant == 3) {
            byte[] header = Bytes.hex("91e0 0001 00000140 00001237 cccccccc bede0001 10ff0000");
            System.arraycopy(header, 0, plain, 0, header.length);
        }
        return plain;
    }

    private static void check(String what, int result, int len) {
        assertTrue(result <= len + MAX_OVERHEAD && result >= SrtpSession.SSRC_LIMIT, what + " returned " + result);
    }

    @Test
    void unprotectRtpNeverThrows() {
        var receivers = receivers();
        Fuzzer.run("unprotectRtp", protectedSeeds(false), input -> {
            for (var receiver : receivers) {
                byte[] buf = new byte[input.length + 5];
                System.arraycopy(input, 0, buf, 5, input.length);
                check("unprotectRtp", receiver.unprotectRtp(buf, 5, input.length), input.length);
            }
        });
    }

    @Test
    void unprotectRtcpNeverThrows() {
        var receivers = receivers();
        Fuzzer.run("unprotectRtcp", protectedSeeds(true), input -> {
            for (var receiver : receivers) {
                byte[] buf = input.clone();
                check("unprotectRtcp", receiver.unprotectRtcp(buf, 0, buf.length), input.length);
            }
        });
    }

    /** One receiver per profile; every input goes to both, so each sees the other profile's packets too. */
    private static List<SrtpSession> receivers() {
        return Arrays.stream(SrtpProfile.values()).map(profile -> session(profile, false)).toList();
    }

    @Test
    void protectNeverThrowsOnOddPackets() {
        List<byte[]> seeds = List.of(plainRtp(0), plainRtp(2), plainRtp(3), Bytes.rtcp(7, 0), Bytes.rtcp(7, 5));
        var sender = session(SrtpProfile.AEAD_AES_128_GCM, true);
        Fuzzer.run("protect", seeds, input -> {
            byte[] buf = Bytes.withRoom(input, MAX_OVERHEAD);
            check("protectRtp", sender.protectRtp(buf, 0, input.length), input.length);
            buf = Bytes.withRoom(input, MAX_OVERHEAD);
            check("protectRtcp", sender.protectRtcp(buf, 0, input.length), input.length);
        });
    }
}
