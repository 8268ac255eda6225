package dev.parley.media.bridge;

import dev.parley.protocol.demux.PacketKind;
import dev.parley.protocol.rtp.RtpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which RTP leg a plain RTP or RTCP datagram on the shared media port belongs to. A plain far
 * end has no ICE username to route by, so its packets go by their source address: the RTP and
 * RTCP addresses from its SDP, and, when a packet comes from the SDP's IP but another port
 * before the leg received anything of that kind, that address (latching, or symmetric RTP as
 * RFC 4961 calls it: a far end behind NAT sends from a port its SDP could not know). Several
 * legs waiting on one IP (calls through the same carrier gateway) latch only when the
 * packet's payload type narrows them down to one; otherwise the datagram is dropped and
 * counted as ambiguous. Media loop only.
 */
public final class BridgeDirectory {

    private final Map<InetSocketAddress, BridgeLeg> byAddress = new HashMap<>();
    private final Map<InetAddress, Set<BridgeLeg>> latching = new HashMap<>();
    private long ambiguous;
    private final List<BridgeLeg> legs = new ArrayList<>();

    void add(BridgeLeg leg) {
        legs.add(leg);
    }

    void remove(BridgeLeg leg) {
        legs.remove(leg);
        byAddress.values().removeIf(l -> l == leg);
        latching.values().forEach(set -> set.remove(leg));
        latching.values().removeIf(Set::isEmpty);
    }

    void bind(InetSocketAddress address, BridgeLeg leg) {
        byAddress.put(address, leg);
    }

    void unbind(InetSocketAddress address, BridgeLeg leg) {
        byAddress.remove(address, leg);
    }

    void allowLatching(InetAddress ip, BridgeLeg leg) {
        latching.computeIfAbsent(ip, k -> new LinkedHashSet<>()).add(leg);
    }

    void stopLatching(BridgeLeg leg) {
        latching.values().forEach(set -> set.remove(leg));
        latching.values().removeIf(Set::isEmpty);
    }

    /**
     * Delivers a datagram that no WebRTC endpoint claimed; false when no leg takes it
     * (the caller counts it as unroutable).
     */
    public boolean route(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        BridgeLeg leg = byAddress.get(from);
        if (leg != null) {
            leg.onDatagram(b, off, len, from, nowNanos);
            return true;
        }
        Set<BridgeLeg> waiting = latching.get(from.getAddress());
        if (waiting == null) {
            return false;
        }
        PacketKind kind = PacketKind.classify(b, off, len);
        if (kind != PacketKind.RTP && kind != PacketKind.RTCP) {
            return false;
        }
        int payloadType = kind == PacketKind.RTP ? RtpHeaders.payloadType(b, off) : -1;
        BridgeLeg chosen = null;
        for (BridgeLeg candidate : waiting) {
            if (candidate.mayLatch(kind, payloadType) && wellFormed(kind, b, off, len)) {
                if (chosen != null) {
                    ambiguous++;
                    return false;
                }
                chosen = candidate;
            }
        }
        if (chosen == null) {
            return false;
        }
        chosen.latch(kind, from);
        chosen.onDatagram(b, off, len, from, nowNanos);
        return true;
    }

    /** Only a packet that parses may move a leg: random bytes from a scanner must not. */
    private static boolean wellFormed(PacketKind kind, byte[] b, int off, int len) {
        return kind == PacketKind.RTP ? RtpHeaders.headerLength(b, off, len) >= 0
                : dev.parley.protocol.rtcp.RtcpPacket.parseCompound(b, off, len).isPresent();
    }

    /** Legs alive. */
    public int size() {
        return legs.size();
    }

    /** Remote addresses bound to legs. */
    public int boundAddresses() {
        return byAddress.size();
    }

    /** Datagrams dropped because several legs could have latched them. */
    public long ambiguous() {
        return ambiguous;
    }

    public List<BridgeLeg> legs() {
        return List.copyOf(legs);
    }
}
