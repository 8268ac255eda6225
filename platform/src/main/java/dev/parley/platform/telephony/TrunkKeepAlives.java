package dev.parley.platform.telephony;

import dev.parley.telephony.sip.KeepAlive;
import dev.parley.telephony.sip.SipStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPTIONS pings to every trunk with {@code keepAlive} on, so a trunk that stops answering is
 * noticed (and logged) before a call needs it. Trunks change through the API at any time:
 * every {@code reconcileInterval} the set of pinged trunks is brought in line with the
 * database (a trunk whose host, port or transport changed gets a new pinger).
 */
public final class TrunkKeepAlives implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkKeepAlives.class);

    private final SipStack sip;
    private final TelephonyDirectory directory;
    private final Duration interval;
    private final ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("parley-trunk-keepalive").daemon().factory());
    /** Reconciler thread only. Key: trunk id plus where it is pinged. */
    private final Map<String, KeepAlive> running = new HashMap<>();
    private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

    public TrunkKeepAlives(SipStack sip, TelephonyDirectory directory, Duration interval, Duration reconcileInterval) {
        this.sip = sip;
        this.directory = directory;
        this.interval = interval;
        reconciler.scheduleWithFixedDelay(this::reconcile, 0, reconcileInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the trunk answered its last ping; empty before the first answer or when it is not pinged. */
    public Optional<Boolean> reachable(String trunkId) {
        return Optional.ofNullable(reachable.get(trunkId));
    }

    private void reconcile() {
        try {
            Set<String> wanted = new HashSet<>();
            for (Trunk trunk : directory.allTrunks()) {
                if (!trunk.keepAlive()) {
                    continue;
                }
                String key = trunk.id() + " " + trunk.host() + ":" + trunk.port() + "/" + trunk.transport();
                wanted.add(key);
                if (!running.containsKey(key)) {
                    running.put(key, start(trunk));
                }
            }
            running.entrySet().removeIf(entry -> {
                if (wanted.contains(entry.getKey())) {
                    return false;
                }
                entry.getValue().close();
                reachable.remove(entry.getKey().substring(0, entry.getKey().indexOf(' ')));
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warn("trunk keep-alives could not be brought up to date", e);
        }
    }

    private KeepAlive start(Trunk trunk) {
        var target = dev.parley.protocol.sip.SipUri.of(trunk.host(), trunk.port());
        var transport = trunk.transport() == Transport.TCP ? dev.parley.telephony.sip.Transport.TCP
                : dev.parley.telephony.sip.Transport.UDP;
        return sip.keepAlive(target, transport, interval, up -> {
            Boolean before = reachable.put(trunk.id(), up);
            if (before == null || before != up) {
                LOG.info("trunk {} ({}:{}) is {}", trunk.name(), trunk.host(), trunk.port(), up ? "reachable" : "not answering");
            }
        });
    }

    @Override
    public void close() {
        reconciler.shutdownNow();
        try {
            reconciler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.values().forEach(KeepAlive::close);
        running.clear();
    }
}
