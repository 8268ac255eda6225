package dev.parley.telephony.sip;

/** Receives the bytes of one message (a datagram or a stream frame) on an I/O thread. */
@FunctionalInterface
interface Inbound {
    void onBytes(byte[] bytes, Source source);
}
