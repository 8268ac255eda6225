package dev.parley.platform.telephony;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A SIP trunk of an account: the carrier or PBX its phone calls go through.
 *
 * @param password         in clear, because answering a digest challenge needs it; never
 *                         shown by the API and left out of {@link #toString()}
 * @param codecs           offered in this order; never empty
 * @param allowedAddresses where calls from this trunk may come from; empty means nowhere
 * @param keepAlive        whether Parley pings the trunk with OPTIONS
 * @param isDefault        the account's trunk for outbound calls whose caller ID names no trunk
 */
public record Trunk(String id, String accountId, String name, String host, int port, Transport transport,
                    Optional<String> username, Optional<String> password, List<Codec> codecs,
                    WebrtcAudio webrtcAudio, List<AddressRange> allowedAddresses, boolean keepAlive,
                    boolean isDefault, Instant createdAt, Instant updatedAt) {

    public Trunk {
        codecs = List.copyOf(codecs);
        allowedAddresses = List.copyOf(allowedAddresses);
    }

    public boolean hasPassword() {
        return password.isPresent();
    }

    /** True when a call may come in from {@code source}. */
    public boolean allows(InetAddress source) {
        return allowedAddresses.stream().anyMatch(range -> range.contains(source));
    }

    @Override
    public String toString() {
        return "Trunk[id=" + id + ", accountId=" + accountId + ", name=" + name + ", host=" + host + ", port=" + port
                + ", transport=" + transport + ", username=" + username.orElse("") + ", hasPassword=" + hasPassword()
                + ", codecs=" + codecs + ", webrtcAudio=" + webrtcAudio + ", allowedAddresses=" + allowedAddresses
                + ", keepAlive=" + keepAlive + ", isDefault=" + isDefault + "]";
    }
}
