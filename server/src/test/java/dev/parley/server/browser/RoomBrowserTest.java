package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rooms through the SDK: four Chromium pages in one room, each decoding the other three. */
class RoomBrowserTest extends BrowserTestBase {

    @Test
    void fourMembersDecodeEachOtherAndSeeJoinsAndLeaves() {
        List<SdkPage> members = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            SdkPage member = SdkPage.signIn(chromium, server.http().baseUrl(), "member-" + i);
            member.eval("name => harness.joinRoom(name, {audio: true, video: true})", "standup");
            Map<String, Object> joined = member.awaitEvent("room-joined", 15);
            List<?> present = (List<?>) ((Map<?, ?>) joined.get("detail")).get("participants");
            assertEquals(i - 1, present.size(), "member-" + i + " finds the earlier members: " + joined);
            members.add(member);
        }
        // Member 1 saw three others join.
        members.getFirst().awaitEvent("participant-joined", 3, 15);
        for (SdkPage member : members) {
            member.awaitStats("three decoding videos", s -> ((List<?>) s.get("videos")).stream()
                    .filter(v -> ((Number) ((Map<?, ?>) v).get("framesDecoded")).intValue() > 30).count() >= 3, 60);
            member.awaitAudioRising(20);
        }
        members.getLast().eval("() => harness.call.leave()");
        members.getLast().awaitEvent("room-left", 10);
        for (SdkPage member : members.subList(0, 3)) {
            Map<String, Object> left = member.awaitEvent("participant-left", 10);
            assertTrue(left.toString().contains("member-4"), left.toString());
        }
    }
}
