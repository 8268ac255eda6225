package dev.parley.platform.calllink;

/** A session was asked for a link that cannot be used now; {@code state} says whether it is INACTIVE or EXPIRED. */
public final class LinkNotActive extends RuntimeException {

    private final LinkState state;

    public LinkNotActive(LinkState state) {
        super(state == LinkState.EXPIRED ? "this link has expired" : "this link is not active now");
        this.state = state;
    }

    public LinkState state() {
        return state;
    }
}
