package dev.parley.platform.token;

/** A client credential just created, with the secret shown this once; only its hash is stored. */
public record IssuedClientCredential(ClientCredential credential, String clientSecret) {

    @Override
    public String toString() {
        return "IssuedClientCredential[clientId=" + credential.clientId() + "]";
    }
}
