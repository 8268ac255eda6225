package dev.parley.media.sfu;

/**
 * What Parley measured on one published track since the previous sample: packets expected and
 * lost in that interval (RFC 3550 A.3, counted apart from the receiver reports' own interval)
 * and the current interarrival jitter (A.8).
 */
public record ReceptionSample(long expected, long lost, double jitterMs) {
}
