package offloadsim.model.tenant;

/** pageserver_api TenantState. */
public enum TenantState {
    ATTACHING("Attaching"), ACTIVATING("Activating"), ACTIVE("Active"), STOPPING("Stopping"), BROKEN("Broken");

    private final String rust;

    TenantState(String rust) {
        this.rust = rust;
    }

    @Override
    public String toString() {
        return rust;
    }
}
