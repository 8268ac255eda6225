package dev.parley.platform.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One member's two connections to the SFU: the publish peer (the client offers) and the
 * subscribe peer (Parley offers). At most one subscribe negotiation is in flight; a change
 * meanwhile marks it dirty and is offered once the answer is in. Conversation executor only.
 */
final class MemberMedia {

    String publishPeerId;
    /** A first publish is being answered: a second one now would make a second peer. */
    boolean publishing;
    /** mid of the publish offer → microphone, camera or screen. */
    final Map<String, String> sources = new HashMap<>();
    String subscribePeerId;
    /** The track ids the subscribe peer was last offered. */
    List<String> subscribed = List.of();
    boolean negotiating;
    boolean dirty;
    /** Last network quality level sent about this member; 0 before the first. */
    int qualityLevel;
}
