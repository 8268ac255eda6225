package dev.parley.telephony.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every transaction shares (RFC 3261 §17): a key, a transport, timers, and removal from
 * the table when it terminates. All methods run on the loop.
 */
abstract sealed class Transaction permits ClientTransaction, ServerTransaction {

    final SipCore core;
    final String key;
    final Transport transport;
    private final List<SipLoop.Timer> timers = new ArrayList<>();
    private boolean terminated;

    Transaction(SipCore core, String key, Transport transport) {
        this.core = core;
        this.key = key;
        this.transport = transport;
    }

    /** Runs {@code task} after {@code delay} unless the transaction has terminated by then. */
    final void after(Duration delay, Runnable task) {
        timers.add(core.loop().schedule(delay, () -> {
            if (!terminated) {
                task.run();
            }
        }));
    }

    final void cancelTimers() {
        timers.forEach(SipLoop.Timer::cancel);
        timers.clear();
    }

    /** Terminates now, or after {@code linger} (zero over TCP) so retransmissions are still absorbed. */
    final void terminateAfter(Duration linger) {
        if (linger.isZero()) {
            terminate();
        } else {
            after(linger, this::terminate);
        }
    }

    void terminate() {
        if (terminated) {
            return;
        }
        terminated = true;
        cancelTimers();
        core.transactions().remove(this);
    }

    final boolean isTerminated() {
        return terminated;
    }

    final SipTimers timers() {
        return core.settings().timers();
    }
}
