package dev.parley.protocol.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sender to receiver through the public API, for both profiles. */
class SrtpSessionTest {

    private static final int SSRC = 0x11223344;

    private static byte[] key(SrtpProfile profile, int fill) {
        byte[] key = new byte[profile.masterKeyLength()];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static byte[] salt(SrtpProfile profile, int fill) {
        byte[] salt = new byte[profile.masterSaltLength()];
        Arrays.fill(salt, (byte) fill);
        return salt;
    }

    private static SrtpSession sender(SrtpProfile profile) {
        return SrtpSession.sender(profile, key(profile, 0x42), salt(profile, 0x17));
    }

    private static SrtpSession receiver(SrtpProfile profile) {
        return SrtpSession.receiver(profile, key(profile, 0x42), salt(profile, 0x17));
    }

    /** Protects a copy of {@code plain}; returns the SRTP packet, exactly sized. */
    private static byte[] protect(SrtpSession sender, byte[] plain) {
        byte[] buf = Bytes.withRoom(plain, sender.maxOverhead());
        int len = sender.protectRtp(buf, 0, plain.length);
        assertEquals(plain.length + sender.rtpOverhead(), len);
        return Arrays.copyOf(buf, len);
    }

    private static byte[] protectRtcp(SrtpSession sender, byte[] plain) {
        byte[] buf = Bytes.withRoom(plain, sender.maxOverhead());
        int len = sender.protectRtcp(buf, 0, plain.length);
        assertEquals(plain.length + sender.rtcpOverhead(), len);
        return Arrays.copyOf(buf, len);
    }

    /** Unprotects a copy; asserts it yields {@code plain}. */
    private static void assertUnprotects(SrtpSession receiver, byte[] srtp, byte[] plain) {
        byte[] buf = srtp.clone();
        assertEquals(plain.length, receiver.unprotectRtp(buf, 0, buf.length));
        assertArrayEquals(plain, Arrays.copyOf(buf, plain.length));
    }

    private static int unprotect(SrtpSession receiver, byte[] srtp) {
        return receiver.unprotectRtp(srtp.clone(), 0, srtp.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripKeepsTheHeaderInTheClearAndHidesThePayload(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        byte[] plain = Bytes.rtp(1000, SSRC, 160);
        byte[] srtp = protect(sender, plain);

        assertArrayEquals(Arrays.copyOf(plain, 12), Arrays.copyOf(srtp, 12), "header stays in the clear");
        assertTrue(!Arrays.equals(Arrays.copyOfRange(plain, 12, plain.length), Arrays.copyOfRange(srtp, 12, plain.length)),
                "payload is encrypted");
        assertUnprotects(receiver, srtp, plain);
        assertEquals(1, receiver.counters().rtpPackets());
        assertEquals(1, sender.counters().rtpPackets());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void csrcsAndHeaderExtensionsStayInTheClearButAreAuthenticated(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        // Two CSRCs and a one-byte-header extension (0xBEDE) of two words.
        byte[] header = Bytes.hex("92e0 0457 00000140 11223344 aaaaaaaa bbbbbbbb bede0002 10ff2233 44556677");
        byte[] plain = new byte[header.length + 40];
        System.arraycopy(header, 0, plain, 0, header.length);
        Arrays.fill(plain, header.length, plain.length, (byte) 0x5a);
        byte[] srtp = protect(sender, plain);

        assertArrayEquals(header, Arrays.copyOf(srtp, header.length));
        assertTrue(srtp[header.length] != 0x5a || srtp[header.length + 1] != 0x5a, "payload after the extension is encrypted");
        byte[] tampered = srtp.clone();
        tampered[header.length - 1] ^= 0x01;
        assertEquals(SrtpSession.AUTH_FAILED, unprotect(receiver, tampered), "extension bytes are authenticated");
        assertUnprotects(receiver, srtp, plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void emptyPayloadRoundTrips(SrtpProfile profile) {
        byte[] plain = Bytes.rtp(7, SSRC, 0);
        assertUnprotects(receiver(profile), protect(sender(profile), plain), plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void worksAtAnOffsetInsideALargerBuffer(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        byte[] plain = Bytes.rtp(5, SSRC, 100);
        byte[] buf = new byte[300];
        Arrays.fill(buf, (byte) 0xee);
        System.arraycopy(plain, 0, buf, 37, plain.length);

        int len = sender.protectRtp(buf, 37, plain.length);
        assertEquals((byte) 0xee, buf[36]);
        assertEquals((byte) 0xee, buf[37 + len]);
        assertEquals(plain.length, receiver.unprotectRtp(buf, 37, len));
        assertArrayEquals(plain, Arrays.copyOfRange(buf, 37, 37 + plain.length));
    }

    /** The rollover counter advances across 65535 -> 0 on both sides; a wrong ROC would fail authentication. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void sequenceRolloverAdvancesTheRolloverCounter(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        for (int i = 0; i < 140_000; i += 97) {
            int seq = (65_000 + i) & 0xffff;
            byte[] plain = Bytes.rtp(seq, SSRC, 20);
            assertUnprotects(receiver, protect(sender, plain), plain);
        }
        assertEquals(0, receiver.counters().authFailures());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void reorderingAcrossTheRolloverIsAccepted(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        int[] sequences = {65534, 65535, 0, 1, 2};
        List<byte[]> plain = new ArrayList<>();
        List<byte[]> srtp = new ArrayList<>();
        for (int seq : sequences) {
            plain.add(Bytes.rtp(seq, SSRC, 30));
            srtp.add(protect(sender, plain.getLast()));
        }
        for (int i : new int[] {0, 2, 4, 3, 1}) {
            assertUnprotects(receiver, srtp.get(i), plain.get(i));
        }
    }

    /** A sender forwarding reordered packets must give the late one the old rollover counter. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aSenderProtectingOutOfOrderAcrossTheRolloverUsesTheRightCounter(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        byte[] before = Bytes.rtp(65535, SSRC, 30);
        byte[] after = Bytes.rtp(1, SSRC, 30);
        byte[] late = Bytes.rtp(65534, SSRC, 30);
        byte[] srtpBefore = protect(sender, before);
        byte[] srtpAfter = protect(sender, after);
        byte[] srtpLate = protect(sender, late);
        assertUnprotects(receiver, srtpBefore, before);
        assertUnprotects(receiver, srtpAfter, after);
        assertUnprotects(receiver, srtpLate, late);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aReplayedPacketIsRefused(SrtpProfile profile) {
        var receiver = receiver(profile);
        byte[] plain = Bytes.rtp(300, SSRC, 50);
        byte[] srtp = protect(sender(profile), plain);
        assertUnprotects(receiver, srtp, plain);

        byte[] again = srtp.clone();
        assertEquals(SrtpSession.REPLAYED, receiver.unprotectRtp(again, 0, again.length));
        assertArrayEquals(srtp, again, "a refused packet is left as it was");
        assertEquals(1, receiver.counters().replays());
        assertEquals(1, receiver.counters().rtpPackets());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void outOfOrderWithinTheWindowIsAcceptedOnceAndOlderIsRefused(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        int count = StreamState.RTP_WINDOW + 10;
        List<byte[]> plain = new ArrayList<>();
        List<byte[]> srtp = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            plain.add(Bytes.rtp(i, SSRC, 10));
            srtp.add(protect(sender, plain.getLast()));
        }
        assertUnprotects(receiver, srtp.get(count - 1), plain.get(count - 1));
        // Just inside the window, out of order.
        int oldestInside = count - StreamState.RTP_WINDOW;
        assertUnprotects(receiver, srtp.get(oldestInside), plain.get(oldestInside));
        assertUnprotects(receiver, srtp.get(count - 2), plain.get(count - 2));
        assertEquals(SrtpSession.REPLAYED, unprotect(receiver, srtp.get(oldestInside)));
        // Older than the window.
        assertEquals(SrtpSession.REPLAYED, unprotect(receiver, srtp.get(oldestInside - 1)));
        assertEquals(SrtpSession.REPLAYED, unprotect(receiver, srtp.get(0)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPacketsAreRefusedAndLeaveNoTrace(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        byte[] plain = Bytes.rtp(42, SSRC, 64);
        byte[] srtp = protect(sender, plain);
        int[] positions = {1, 5, 11, 12, 40, srtp.length - profile.rtpAuthTagLength(), srtp.length - 1};
        for (int position : positions) {
            byte[] tampered = srtp.clone();
            tampered[position] ^= 0x04;
            byte[] seen = tampered.clone();
            assertEquals(SrtpSession.AUTH_FAILED, receiver.unprotectRtp(tampered, 0, tampered.length),
                    "flipped bit at " + position);
            assertArrayEquals(seen, tampered, "a refused packet is left as it was");
        }
        // A forged copy did not consume the index: the genuine packet still gets through.
        assertUnprotects(receiver, srtp, plain);
        assertEquals(positions.length, receiver.counters().authFailures());
        // A truncated packet fails too.
        assertEquals(SrtpSession.AUTH_FAILED, unprotect(receiver, Arrays.copyOf(protect(sender, Bytes.rtp(43, SSRC, 64)), srtp.length - 1)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aReceiverWithOtherKeysRefusesEverything(SrtpProfile profile) {
        var stranger = SrtpSession.receiver(profile, key(profile, 0x42), salt(profile, 0x18));
        assertEquals(SrtpSession.AUTH_FAILED, unprotect(stranger, protect(sender(profile), Bytes.rtp(1, SSRC, 10))));
        assertEquals(0, stranger.counters().ssrcs(), "no state for an SSRC that never authenticated");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void ssrcsKeepSeparateCountersAndWindows(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        byte[] a = Bytes.rtp(65535, 0xaaaa0001, 20);
        byte[] b = Bytes.rtp(100, 0xbbbb0002, 20);
        assertUnprotects(receiver, protect(sender, a), a);
        assertUnprotects(receiver, protect(sender, b), b);
        byte[] a2 = Bytes.rtp(0, 0xaaaa0001, 20);
        byte[] b2 = Bytes.rtp(100 + 1, 0xbbbb0002, 20);
        assertUnprotects(receiver, protect(sender, a2), a2);
        assertUnprotects(receiver, protect(sender, b2), b2);
        assertEquals(2, receiver.counters().ssrcs());
    }

    /** A retransmission of the same packet without RTX: same bytes out, and GCM must not refuse it. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectingTheSamePacketTwiceGivesTheSameBytes(SrtpProfile profile) {
        var sender = sender(profile);
        byte[] plain = Bytes.rtp(9, SSRC, 80);
        assertArrayEquals(protect(sender, plain), protect(sender, plain));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripWithIncreasingIndex(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        for (int i = 0; i < 5; i++) {
            byte[] plain = Bytes.rtcp(SSRC, 6 + i);
            byte[] srtcp = protectRtcp(sender, plain);
            assertArrayEquals(Arrays.copyOf(plain, 8), Arrays.copyOf(srtcp, 8), "first 8 bytes in the clear");
            int trailer = profile.isAead() ? srtcp.length - 4 : plain.length;
            assertEquals(0x80000000 | i, readInt(srtcp, trailer), "E-flag and index " + i);
            byte[] buf = srtcp.clone();
            assertEquals(plain.length, receiver.unprotectRtcp(buf, 0, buf.length));
            assertArrayEquals(plain, Arrays.copyOf(buf, plain.length));
        }
        assertEquals(5, receiver.counters().rtcpPackets());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpReplaysAndTamperingAreRefused(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        byte[] first = protectRtcp(sender, Bytes.rtcp(SSRC, 6));
        byte[] second = protectRtcp(sender, Bytes.rtcp(SSRC, 6));
        assertTrue(receiver.unprotectRtcp(second.clone(), 0, second.length) > 0);
        assertTrue(receiver.unprotectRtcp(first.clone(), 0, first.length) > 0, "out of order within the window");
        assertEquals(SrtpSession.REPLAYED, receiver.unprotectRtcp(first.clone(), 0, first.length));

        byte[] third = protectRtcp(sender, Bytes.rtcp(SSRC, 6));
        for (int position : new int[] {0, 4, 9, third.length - 1}) {
            byte[] tampered = third.clone();
            tampered[position] ^= 0x10;
            assertEquals(SrtpSession.AUTH_FAILED, receiver.unprotectRtcp(tampered, 0, tampered.length), "bit at " + position);
        }
        // Clearing the E-flag must not turn the packet into an accepted unencrypted one.
        byte[] cleared = third.clone();
        cleared[profile.isAead() ? cleared.length - 4 : cleared.length - 14] &= 0x7f;
        assertEquals(SrtpSession.AUTH_FAILED, receiver.unprotectRtcp(cleared, 0, cleared.length));
        assertTrue(receiver.unprotectRtcp(third.clone(), 0, third.length) > 0);
        assertEquals(1, receiver.counters().replays());
        assertEquals(5, receiver.counters().authFailures());
    }

    /** RFC 3711 §3.4 allows unencrypted SRTCP (E=0); build one by hand for AES-CM and check it is verified, not decrypted. */
    @Test
    void aesCmUnencryptedSrtcpIsVerifiedAndPassedThrough() throws Exception {
        var profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        var keys = SessionKeys.derive(profile, key(profile, 0x42), salt(profile, 0x17), true);
        byte[] plain = Bytes.rtcp(SSRC, 4);
        byte[] srtcp = Arrays.copyOf(plain, plain.length + 14);
        Bytes.writeInt(srtcp, plain.length, 7);
        var mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(keys.authKey(), "HmacSHA1"));
        mac.update(srtcp, 0, plain.length + 4);
        System.arraycopy(mac.doFinal(), 0, srtcp, plain.length + 4, 10);

        byte[] buf = srtcp.clone();
        assertEquals(plain.length, receiver(profile).unprotectRtcp(buf, 0, buf.length));
        assertArrayEquals(plain, Arrays.copyOf(buf, plain.length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void malformedInputIsCountedNotThrown(SrtpProfile profile) {
        var receiver = receiver(profile);
        long srtpBefore = Malformed.total(Malformed.Kind.SRTP);
        long srtcpBefore = Malformed.total(Malformed.Kind.SRTCP);
        byte[] good = protect(sender(profile), Bytes.rtp(1, SSRC, 20));

        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(new byte[0], 0, 0));
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(good, 0, 12 + profile.rtpAuthTagLength() - 1));
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(good, -1, good.length));
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(good, 1, good.length));
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(good, 0, -5));
        byte[] versionOne = good.clone();
        versionOne[0] = 0x40;
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(versionOne, 0, versionOne.length));
        byte[] tooManyCsrcs = good.clone();
        tooManyCsrcs[0] = (byte) 0x8f;
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(tooManyCsrcs, 0, tooManyCsrcs.length));
        byte[] longExtension = good.clone();
        longExtension[0] = (byte) 0x90;
        longExtension[14] = (byte) 0xff;
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtp(longExtension, 0, longExtension.length));
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtcp(new byte[10], 0, 10));
        assertEquals(SrtpSession.MALFORMED, receiver.unprotectRtcp(good, 3, good.length));

        assertEquals(8, Malformed.total(Malformed.Kind.SRTP) - srtpBefore);
        assertEquals(2, Malformed.total(Malformed.Kind.SRTCP) - srtcpBefore);
        assertEquals(10, receiver.counters().malformed());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectRefusesBadPacketsAndShortBuffers(SrtpProfile profile) {
        var sender = sender(profile);
        byte[] plain = Bytes.rtp(1, SSRC, 20);
        byte[] exact = plain.clone();
        assertEquals(SrtpSession.NO_ROOM, sender.protectRtp(exact, 0, exact.length));
        assertArrayEquals(plain, exact);
        assertEquals(SrtpSession.NO_ROOM, sender.protectRtcp(Bytes.rtcp(SSRC, 2), 0, 16));
        assertEquals(SrtpSession.MALFORMED, sender.protectRtp(new byte[40], 0, 11));
        assertEquals(SrtpSession.MALFORMED, sender.protectRtp(new byte[40], 0, 20), "version 0");
        assertEquals(SrtpSession.MALFORMED, sender.protectRtcp(new byte[40], 0, 7));
        assertEquals(SrtpSession.MALFORMED, sender.protectRtp(plain, 10, plain.length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theNumberOfSsrcsIsBounded(SrtpProfile profile) {
        var sender = sender(profile);
        var receiver = receiver(profile);
        for (int ssrc = 0; ssrc < SrtpSession.MAX_SSRCS; ssrc++) {
            byte[] plain = Bytes.rtp(1, ssrc, 4);
            assertEquals(plain.length, unprotect(receiver, protect(sender, plain)));
        }
        byte[] refused = Bytes.withRoom(Bytes.rtp(1, -1, 4), 32);
        assertEquals(SrtpSession.SSRC_LIMIT, sender.protectRtp(refused, 0, 16));
        // A valid packet for one SSRC too many, from another sender with the same keys.
        byte[] srtp = protect(sender(profile), Bytes.rtp(1, -1, 4));
        byte[] seen = srtp.clone();
        assertEquals(SrtpSession.SSRC_LIMIT, receiver.unprotectRtp(srtp, 0, srtp.length));
        assertArrayEquals(seen, srtp, "refused before decryption");
        assertEquals(SrtpSession.MAX_SSRCS, receiver.counters().ssrcs());
        assertEquals(1, receiver.counters().ssrcLimit());
    }

    @Test
    void directionAndKeySizesAreCheckedUpFront() {
        var profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        assertThrows(IllegalStateException.class, () -> sender(profile).unprotectRtp(new byte[40], 0, 40));
        assertThrows(IllegalStateException.class, () -> receiver(profile).protectRtcp(new byte[40], 0, 20));
        assertThrows(IllegalArgumentException.class, () -> SrtpSession.sender(profile, new byte[16], new byte[12]));
        assertThrows(IllegalArgumentException.class,
                () -> SrtpSession.receiver(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[14]));
        assertEquals(14, sender(profile).maxOverhead());
        assertEquals(20, sender(SrtpProfile.AEAD_AES_128_GCM).maxOverhead());
    }

    private static int readInt(byte[] buf, int at) {
        return ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8) | (buf[at + 3] & 0xff);
    }
}
