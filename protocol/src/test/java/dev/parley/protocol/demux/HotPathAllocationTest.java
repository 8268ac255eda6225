package dev.parley.protocol.demux;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.protocol.rtcp.RtcpHeaders;
import dev.parley.protocol.rtp.HeaderExtensions;
import dev.parley.protocol.rtp.RtpHeaders;
import dev.parley.protocol.rtp.TransportSequenceNumber;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The forwarding path (classify, read and rewrite RTP headers and extensions, rewrite RTCP
 * feedback SSRCs) must not allocate per packet; this measures the thread's allocation over
 * many iterations after a warm-up.
 */
class HotPathAllocationTest {

    private static final byte[] RTP = HexFormat.of().parseHex(
            "b1e001020a0b0c0d01020304" + "0000abcd" + "bede0002" + "10ff" + "510001" + "211234" + "aabbcc0002");
    private static final byte[] NACK = HexFormat.of().parseHex("81cd0003000000010000000200648011");

    private long sink;

    private void forwardOnce(int i) {
        if (PacketKind.classify(RTP, 0, RTP.length) == PacketKind.RTP) {
            sink += RtpHeaders.payloadOffset(RTP, 0, RTP.length) + RtpHeaders.payloadLength(RTP, 0, RTP.length);
            sink += RtpHeaders.ssrc(RTP, 0) + RtpHeaders.sequenceNumber(RTP, 0) + RtpHeaders.timestamp(RTP, 0);
            RtpHeaders.setSsrc(RTP, 0, i);
            RtpHeaders.setSequenceNumber(RTP, 0, i);
            RtpHeaders.setTimestamp(RTP, 0, i * 960L);
            RtpHeaders.setPayloadType(RTP, 0, 96);
            RtpHeaders.setMarker(RTP, 0, (i & 1) == 0);
            int tcc = HeaderExtensions.findExtension(RTP, 0, RTP.length, 5);
            if (tcc >= 0) {
                TransportSequenceNumber.write(RTP, tcc, i);
            }
            sink += HeaderExtensions.locate(RTP, 0, RTP.length, 2);
        }
        if (PacketKind.classify(NACK, 0, NACK.length) == PacketKind.RTCP) {
            sink += RtcpHeaders.packetLength(NACK, 0, NACK.length);
            RtcpHeaders.rewriteFeedbackSsrcs(NACK, 0, NACK.length, i, i + 1);
        }
    }

    @Test
    void forwardingDoesNotAllocate() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no allocation counter on this JVM");
        var counter = (com.sun.management.ThreadMXBean) threads;
        assertTrue(HeaderExtensions.findExtension(RTP, 0, RTP.length, 5) > 0, "the test packet carries transport-cc");
        assertTrue(HeaderExtensions.findExtension(RTP, 0, RTP.length, 2) > 0, "the test packet carries element 2");
        for (int i = 0; i < 200_000; i++) {
            forwardOnce(i);
        }
        long before = counter.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            forwardOnce(i);
        }
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        // A single allocation per packet would be at least 16 MB here; allow for the counter's own noise.
        assertTrue(allocated < 64 * 1024, "forwarding a million packets allocated " + allocated + " bytes");
        assertTrue(sink != 0);
    }
}
