package dev.parley.platform.calls;

import java.util.List;

/** Which devices of an identity are connected now. */
@FunctionalInterface
public interface Presence {
    List<Device> onlineDevices(String accountId, String identity);
}
