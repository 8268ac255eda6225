package dev.parley.protocol.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Not a benchmark: a guard that the AES-CM hot path keeps its allocation small. The JCA copies
 * the whole input when asked to encrypt in place, which would show up here as more than a
 * packet's worth of garbage per packet. What remains is the JCA's per-init IV object and HMAC
 * digest arrays, a few hundred bytes. (GCM allocates about 1 KB per packet inside the JCA's
 * init, which cannot be avoided from outside, so it is not checked.)
 */
class AllocationSanityTest {

    @Test
    void aesCmProtectAndUnprotectAllocateLessThanThePacketSize() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        var threads = (com.sun.management.ThreadMXBean) bean;
        var profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        var sender = SrtpSession.sender(profile, new byte[16], new byte[14]);
        var receiver = SrtpSession.receiver(profile, new byte[16], new byte[14]);
        byte[] buf = new byte[1500];
        int payload = 1200;
        int packets = 5_000;

        long before = threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
        for (int seq = 0; seq < packets; seq++) {
            byte[] header = Bytes.rtp(seq, 0x0badcafe, 0);
            System.arraycopy(header, 0, buf, 0, 12);
            int len = sender.protectRtp(buf, 0, 12 + payload);
            assertEquals(12 + payload, receiver.unprotectRtp(buf, 0, len));
        }
        long perPacket = (threads.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before) / packets;

        // Bytes.rtp itself allocates a 12-byte packet (about 32 bytes) per iteration.
        assertTrue(perPacket < payload, "allocated " + perPacket + " bytes per protect+unprotect");
    }
}
