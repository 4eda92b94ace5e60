package offloadsim.sim.api;

/** Thrown by a failpoint configured to fail: the production code's injected error. */
public final class FailpointException extends RuntimeException {
    private final String failpoint;

    public FailpointException(String failpoint) {
        super("failpoint " + failpoint + " returned an error");
        this.failpoint = failpoint;
    }

    public String failpoint() {
        return failpoint;
    }
}
