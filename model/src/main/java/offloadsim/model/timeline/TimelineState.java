package offloadsim.model.timeline;

/** pageserver_api TimelineState, plus Offloading which only the alt-state variant uses. */
public enum TimelineState {
    LOADING("Loading"), ACTIVE("Active"), STOPPING("Stopping"), BROKEN("Broken"),
    /** alt-state: the rejected "new state as arbiter" design of #10305. */
    OFFLOADING("Offloading");

    private final String rust;

    TimelineState(String rust) {
        this.rust = rust;
    }

    @Override
    public String toString() {
        return rust;
    }
}
