package dev.parley.platform.signaling;

import dev.parley.platform.calls.Device;
import dev.parley.platform.calls.Presence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The registered sessions, by id and by (account, identity): which devices an identity has. */
final class SessionRegistry implements Presence {

    private final Map<String, DeviceSession> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<DeviceSession>> byIdentity = new ConcurrentHashMap<>();

    void add(DeviceSession session) {
        byId.put(session.sessionId(), session);
        if (session.application() || session.callLink().isPresent()) {
            // An app has no identity to be called at; a call-link page only places its link's call
            // (even when the link names an identity that has other devices, those ring, not the page).
            return;
        }
        byIdentity.computeIfAbsent(key(session.accountId(), session.identity()), k -> ConcurrentHashMap.newKeySet())
                .add(session);
    }

    void remove(DeviceSession session) {
        byId.remove(session.sessionId());
        byIdentity.computeIfPresent(key(session.accountId(), session.identity()), (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    /** The session {@code sessionId} if it belongs to this account and identity: a session id is no key to another's. */
    Optional<DeviceSession> find(String sessionId, String accountId, String identity) {
        return Optional.ofNullable(byId.get(sessionId))
                .filter(s -> s.accountId().equals(accountId) && s.identity().equals(identity));
    }

    List<DeviceSession> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public List<Device> onlineDevices(String accountId, String identity) {
        Set<DeviceSession> sessions = byIdentity.get(key(accountId, identity));
        return sessions == null ? List.of()
                : sessions.stream().filter(DeviceSession::isOnline).map(s -> (Device) s).toList();
    }

    private static String key(String accountId, String identity) {
        // Neither an account id nor an identity contains a NUL.
        return accountId + "\u0000" + identity;
    }
}
