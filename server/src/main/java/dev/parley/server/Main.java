package dev.parley.server;

import dev.parley.media.transport.TransportException;
import dev.parley.platform.api.ApiServer;
import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.store.StoreException;
import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code parley run} starts the server; {@code parley admin ...} runs an operator command. */
public final class Main {

    private static final String USAGE = """
            usage: parley run                 start the server
                   parley admin <command>     operator commands (parley admin help)""";

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "help" : arguments.getFirst();
        int status;
        try {
            status = switch (command) {
                case "run" -> run(ConfigLoader.load());
                case "admin" -> {
                    List<String> rest = arguments.subList(1, arguments.size());
                    if (rest.isEmpty() || rest.getFirst().equals("help")) {
                        System.out.println(Admin.USAGE);
                        yield rest.isEmpty() ? 2 : 0;
                    }
                    yield Admin.run(rest, ConfigLoader.load(), Clock.systemUTC(), System.out, System.err);
                }
                case "help", "--help", "-h" -> {
                    System.out.println(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("parley: unknown command '" + command + "'");
                    System.err.println(USAGE);
                    yield 2;
                }
            };
        } catch (ConfigException e) {
            System.err.println("parley: configuration error: " + e.getMessage());
            status = 78; // EX_CONFIG
        } catch (InvalidInput | NotFound e) {
            System.err.println("parley: " + e.getMessage() + (e instanceof NotFound ? " does not exist" : ""));
            status = 1;
        } catch (StoreException e) {
            System.err.println("parley: " + e.getMessage());
            status = 1;
        } catch (java.io.UncheckedIOException e) {
            System.err.println("parley: " + e.getMessage());
            status = 1;
        } catch (TransportException e) {
            // parley.media.io=batched where it cannot run: a setting to change, like a bad key.
            System.err.println("parley: media port: " + e.getMessage());
            status = 78; // EX_CONFIG
        } catch (ApiServer.BindFailed e) {
            System.err.println("parley: " + e.getMessage()
                    + "; is another server on that port? Choose another with PARLEY_HTTP_PORT.");
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    private static int run(ParleyConfig config) throws ConfigException {
        ParleyServer server = ParleyServer.start(config, Clock.systemUTC());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Parley stopping");
            server.close();
            System.out.println("Parley stopped");
            stopped.countDown();
        }, "parley-shutdown"));

        System.out.println("Parley listening on http://localhost:" + server.port()
                + " (database: " + describeDatabase(config) + ")");
        System.out.println("API description: http://localhost:" + server.port() + "/openapi.json");
        System.out.println("Demo app: http://localhost:" + server.port() + "/ (the media server's own demo: /demo/)");
        System.out.println("Media: UDP port " + server.media().port() + ", offered to peers at "
                + (server.media().candidates().isEmpty() ? "no address (set PARLEY_MEDIA_ANNOUNCED_ADDRESSES)"
                : server.media().candidates().stream().map(a -> a.getAddress().getHostAddress())
                        .collect(java.util.stream.Collectors.joining(", "))));
        System.out.println("SIP: UDP and TCP port " + server.sip().port() + " at " + server.sip().advertisedHost()
                + " (trunks send calls here; configure them with /telephony/1/trunks)");
        server.firstApiKey().ifPresent(issued -> {
            System.out.println("Created the first account, " + issued.key().accountId() + ".");
            System.out.println("Its API key is shown this once; only a hash of it is stored:");
            System.out.println("API key: " + issued.text());
        });
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String describeDatabase(ParleyConfig config) {
        return config.dbUrl().map(url -> url.replaceAll("password=[^&;]*", "password=***"))
                .orElse("embedded H2 in " + config.dataDir());
    }
}
