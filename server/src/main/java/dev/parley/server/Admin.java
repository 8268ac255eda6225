package dev.parley.server;

import dev.parley.platform.Platform;
import dev.parley.platform.account.IssuedApiKey;
import dev.parley.platform.store.Database;
import dev.parley.platform.token.SigningKeyRing;
import dev.parley.server.config.ParleyConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code parley admin ...}: operator commands that work on the database directly, so they
 * work whether or not the server runs (the embedded database is shared through H2's
 * automatic mixed mode). A new key is always the last line printed.
 */
final class Admin {

    static final String USAGE = """
            usage: parley admin <command>
              create-account NAME           create an account and print its first API key
              create-api-key ACCOUNT [NAME] add an API key to an account and print it
              revoke-api-key KEY_ID|KEY     revoke an API key at once
              list-accounts                 print every account's id and name
              rotate-signing-key            add a new token signing key; the old one stays
                                            published until its tokens have expired""";

    private Admin() {
    }

    /** Runs one command; returns the process exit code. */
    static int run(List<String> args, ParleyConfig config, Clock clock, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String command = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        try (Database database = Database.open(config.database())) {
            var platform = new Platform(database, clock, config.publicUrl(config.httpPort()), config.signingKeyRefresh());
            return switch (command) {
                case "create-account" -> {
                    if (rest.size() != 1) {
                        yield usage(err, "create-account takes one argument, the account name");
                    }
                    IssuedApiKey issued = platform.accounts().createAccount(rest.getFirst());
                    out.println("Account: " + issued.key().accountId() + " (" + rest.getFirst().strip() + ")");
                    printKey(out, issued);
                    yield 0;
                }
                case "create-api-key" -> {
                    if (rest.isEmpty() || rest.size() > 2) {
                        yield usage(err, "create-api-key takes an account id and an optional key name");
                    }
                    IssuedApiKey issued = platform.accounts().createApiKey(rest.getFirst(),
                            rest.size() == 2 ? rest.get(1) : "API key");
                    printKey(out, issued);
                    yield 0;
                }
                case "revoke-api-key" -> {
                    if (rest.size() != 1) {
                        yield usage(err, "revoke-api-key takes one argument, the key id or the key");
                    }
                    var key = platform.accounts().revokeApiKey(rest.getFirst());
                    out.println("Revoked API key " + key.id() + " of account " + key.accountId());
                    yield 0;
                }
                case "list-accounts" -> {
                    platform.accounts().listAccounts().forEach(account ->
                            out.println(account.id() + "  " + account.name() + "  created " + account.createdAt()));
                    yield 0;
                }
                case "rotate-signing-key" -> {
                    var key = platform.signingKeys().rotate();
                    out.println("New signing key: " + key.kid());
                    out.println("Previous keys stay published for " + SigningKeyRing.RETENTION.toHours()
                            + " h; a running server signs with the new key within "
                            + config.signingKeyRefresh().toSeconds() + " s.");
                    yield 0;
                }
                default -> usage(err, "unknown admin command '" + command + "'");
            };
        }
    }

    private static void printKey(PrintStream out, IssuedApiKey issued) {
        out.println("Key id: " + issued.key().id() + " (the key is shown once; only its hash is stored)");
        out.println("API key: " + issued.text());
    }

    private static int usage(PrintStream err, String problem) {
        err.println("parley admin: " + problem);
        err.println(USAGE);
        return 2;
    }
}
