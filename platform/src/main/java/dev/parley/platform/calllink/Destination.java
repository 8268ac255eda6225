package dev.parley.platform.calllink;

/** Where a link's calls go: an identity of the account, a phone number (with its caller ID), or a room. */
public sealed interface Destination {

    enum Type { WEBRTC, PHONE, ROOM }

    Type type();

    /** The identity, phone number or room name. */
    String target();

    record Webrtc(String identity) implements Destination {
        public Type type() {
            return Type.WEBRTC;
        }

        public String target() {
            return identity;
        }
    }

    /** {@code from} is one of the account's numbers with outbound calls enabled. */
    record Phone(String phoneNumber, String from) implements Destination {
        public Type type() {
            return Type.PHONE;
        }

        public String target() {
            return phoneNumber;
        }
    }

    record Room(String roomName) implements Destination {
        public Type type() {
            return Type.ROOM;
        }

        public String target() {
            return roomName;
        }
    }
}
