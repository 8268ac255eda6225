package dev.parley.platform.calls;

import dev.parley.media.MediaServer;
import dev.parley.platform.signaling.ClientMessage;

/**
 * The media side of a call or room. Not wired yet: it needs the media server's ICE restart,
 * mid mapping, link statistics and DTMF (branch media-calls), so every media request is
 * refused with INTERNAL_ERROR saying so rather than pretending to work.
 */
final class ConversationMedia {

    private final Conversation conversation;

    ConversationMedia(Conversation conversation, MediaServer media) {
        this.conversation = conversation;
    }

    void publish(Member member, ClientMessage.Publish publish) {
        notYet(member, publish);
    }

    void subscribeAnswer(Member member, ClientMessage.SubscribeAnswer answer) {
        notYet(member, answer);
    }

    void resubscribe(Member member, ClientMessage.Resubscribe resubscribe) {
        notYet(member, resubscribe);
    }

    void membersChanged() {
    }

    void memberLeft(Member member) {
    }

    void setHeld(boolean held) {
    }

    void close() {
    }

    private static void notYet(Member member, ClientMessage message) {
        Conversation.error(member.device, message, ErrorCode.INTERNAL_ERROR.info(
                "media through signaling is not available in this build yet"));
    }
}
