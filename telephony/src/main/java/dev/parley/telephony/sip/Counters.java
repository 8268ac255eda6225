package dev.parley.telephony.sip;

import java.util.concurrent.atomic.LongAdder;

/** The stack's event counters; written from the I/O threads and the loop, read by {@link SipStack#debugState()}. */
final class Counters {
    final LongAdder received = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder malformedDropped = new LongAdder();
    final LongAdder badRequests = new LongAdder();
    final LongAdder retransmissionsSent = new LongAdder();
    final LongAdder retransmissionsReceived = new LongAdder();
    final LongAdder strayResponses = new LongAdder();
    final LongAdder transportErrors = new LongAdder();
    final LongAdder droppedByFilter = new LongAdder();
}
