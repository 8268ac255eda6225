package dev.parley.protocol.sip;

import java.util.Objects;

/**
 * A username and password for digest authentication. {@code toString} leaves the password out.
 *
 * @param username the user name
 * @param password the password
 */
public record DigestCredentials(String username, String password) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", password=***]";
    }
}
