package dev.parley.platform.telephony;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A trunk as a caller asks for it, validated: every field at fault is reported at once.
 *
 * @param password    empty: none on create, keep the stored one on update; {@code ""}
 *                    removes it; anything else sets it
 * @param makeDefault empty: not on create (unless it is the account's first trunk), unchanged
 *                    on update; true makes this the default; false on the default trunk is
 *                    refused, since an account with trunks always has one default
 */
public record TrunkSpec(String name, String host, int port, Transport transport, Optional<String> username,
                        Optional<String> password, List<Codec> codecs, WebrtcAudio webrtcAudio,
                        List<AddressRange> allowedAddresses, boolean keepAlive, Optional<Boolean> makeDefault) {

    public static final int DEFAULT_PORT = 5060;
    public static final List<Codec> DEFAULT_CODECS = List.of(Codec.PCMU, Codec.PCMA);
    public static final int MAX_ALLOWED_ADDRESSES = 50;
    static final int MAX_NAME = 100;
    static final int MAX_USERNAME = 128;
    static final int MAX_PASSWORD = 256;

    public TrunkSpec {
        var violations = new Violations();
        String strippedName = Text.strip(name);
        violations.collect(() -> Text.require("name", strippedName, MAX_NAME));
        String givenHost = host;
        Optional<String> normalizedHost = violations.check(() -> Hosts.require("host", givenHost));
        if (port < 1 || port > 65535) {
            violations.add("port", "must be between 1 and 65535");
        }
        username.ifPresent(u -> violations.collect(() -> Text.require("username", u, MAX_USERNAME)));
        password.filter(p -> !p.isEmpty())
                .ifPresent(p -> violations.collect(() -> Text.require("password", p, MAX_PASSWORD)));
        if (codecs.isEmpty()) {
            violations.add("codecs", "must name at least one codec");
        } else if (new HashSet<>(codecs).size() != codecs.size()) {
            violations.add("codecs", "must not name a codec twice");
        }
        if (webrtcAudio == WebrtcAudio.G711 && !codecs.isEmpty() && codecs.stream().noneMatch(Codec::isG711)) {
            violations.add("webrtcAudio", "G711 needs PCMU or PCMA in codecs; use OPUS to transcode");
        }
        if (allowedAddresses.size() > MAX_ALLOWED_ADDRESSES) {
            violations.add("allowedAddresses", "must hold at most " + MAX_ALLOWED_ADDRESSES + " entries");
        }
        violations.throwIfAny();
        name = strippedName;
        host = normalizedHost.orElseThrow();
        codecs = List.copyOf(codecs);
        // The same range twice says nothing more; keep the first, in order.
        allowedAddresses = List.copyOf(new LinkedHashSet<>(allowedAddresses));
    }

    @Override
    public String toString() {
        return "TrunkSpec[name=" + name + ", host=" + host + ", port=" + port + ", transport=" + transport
                + ", password=" + password.map(p -> p.isEmpty() ? "(remove)" : "(set)").orElse("(keep)") + "]";
    }
}
