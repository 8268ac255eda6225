package dev.parley.platform.telephony;

/** How SIP messages travel to and from a trunk. TLS is a later step. */
public enum Transport {
    UDP, TCP
}
