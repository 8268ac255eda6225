package dev.parley.telephony.sip;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Live transactions by key; loop-confined. */
final class TransactionTable {

    private final Map<String, ClientTransaction> clients = new HashMap<>();
    private final Map<String, ServerTransaction> servers = new HashMap<>();

    void add(Transaction transaction) {
        switch (transaction) {
            case ClientTransaction client -> clients.put(client.key, client);
            case ServerTransaction server -> servers.put(server.key, server);
        }
    }

    void remove(Transaction transaction) {
        switch (transaction) {
            case ClientTransaction client -> clients.remove(client.key, client);
            case ServerTransaction server -> servers.remove(server.key, server);
        }
    }

    Optional<ClientTransaction> client(String key) {
        return Optional.ofNullable(clients.get(key));
    }

    Optional<ServerTransaction> server(String key) {
        return Optional.ofNullable(servers.get(key));
    }

    int size() {
        return clients.size() + servers.size();
    }

    /** Terminates everything (the stack is closing). */
    void clear() {
        List.copyOf(clients.values()).forEach(Transaction::terminate);
        List.copyOf(servers.values()).forEach(Transaction::terminate);
    }
}
