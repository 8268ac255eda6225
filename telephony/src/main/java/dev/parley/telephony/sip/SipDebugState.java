package dev.parley.telephony.sip;

/**
 * A snapshot of a stack for debug output and tests.
 *
 * @param port                    the UDP and TCP port
 * @param received                messages received (datagrams and stream frames)
 * @param sent                    messages sent, retransmissions included
 * @param malformedDropped        input refused by the parser (answered with 400 or dropped)
 * @param badRequests             400 responses sent for malformed requests
 * @param retransmissionsSent     requests and responses sent again by a timer
 * @param retransmissionsReceived duplicates absorbed by a transaction
 * @param strayResponses          responses that matched no transaction or dialog
 * @param transportErrors         sends or connections that failed
 * @param transactionsLive        client and server transactions not yet terminated
 * @param dialogsLive             calls with an early or confirmed dialog
 * @param callsLive               calls not yet ended
 * @param tcpConnections          open TCP connections
 * @param ioThreads               reader and writer threads running
 * @param loopErrors              loop tasks that threw (bugs; stays zero)
 */
public record SipDebugState(int port, long received, long sent, long malformedDropped, long badRequests,
        long retransmissionsSent, long retransmissionsReceived, long strayResponses, long transportErrors,
        int transactionsLive, int dialogsLive, int callsLive, int tcpConnections, int ioThreads, long loopErrors) {

    /** The snapshot as one JSON object. */
    public String toJson() {
        return "{\"port\":" + port + ",\"received\":" + received + ",\"sent\":" + sent + ",\"malformedDropped\":"
                + malformedDropped + ",\"badRequests\":" + badRequests + ",\"retransmissionsSent\":"
                + retransmissionsSent + ",\"retransmissionsReceived\":" + retransmissionsReceived
                + ",\"strayResponses\":" + strayResponses + ",\"transportErrors\":" + transportErrors
                + ",\"transactionsLive\":" + transactionsLive + ",\"dialogsLive\":" + dialogsLive + ",\"callsLive\":"
                + callsLive + ",\"tcpConnections\":" + tcpConnections + ",\"ioThreads\":" + ioThreads
                + ",\"loopErrors\":" + loopErrors + "}";
    }
}
