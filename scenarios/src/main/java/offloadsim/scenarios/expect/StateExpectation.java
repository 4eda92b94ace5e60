package offloadsim.scenarios.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import offloadsim.model.TimelineView;

/**
 * Expectations on the pageserver's state: the tenant's state ({@code Detached} when no tenant is attached),
 * per timeline its map, state and archival flag, and whether an attach of the remote state would succeed.
 * Checked at quiescence ({@code expect-final}) or by a task at a point of its script ({@code expect-state}).
 *
 * @param tenant    the tenant state, or null
 * @param timelines per timeline id, in file order
 * @param attach    true: the next attach must succeed; false: it must fail; null: not checked
 */
public record StateExpectation(String tenant, Map<String, TimelineExpectation> timelines, Boolean attach) {

    public static final List<String> TENANT_STATES = List.of("Attaching", "Activating", "Active", "Stopping", "Broken", "Detached");

    public StateExpectation {
        timelines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timelines));
    }

    /**
     * Every difference, as one line each (empty if the state fits).
     *
     * @param tenantState   the tenant's state as named in {@link #TENANT_STATES}
     * @param view          a timeline's view by id
     * @param attachFailure why an attach would fail, or null if it would succeed
     */
    public List<String> differences(Supplier<String> tenantState, Function<String, TimelineView> view, Supplier<String> attachFailure) {
        List<String> out = new ArrayList<>();
        if (tenant != null) {
            String s = tenantState.get();
            if (!tenant.equals(s)) out.add("tenant expected " + tenant + ", observed " + s);
        }
        timelines.forEach((id, e) -> {
            String m = e.mismatch(view.apply(id));
            if (m != null) out.add(id + ": " + m);
        });
        if (attach != null) {
            String why = attachFailure.get();
            if (attach && why != null) out.add("the next attach was expected to succeed but would fail: " + why);
            if (!attach && why == null) out.add("the next attach was expected to fail but would succeed");
        }
        return out;
    }

    /** The scenario-file form, as one YAML flow mapping: {@code {tenant: Active, timelines: {t1: {map: offloaded}}}}. */
    public String flow() {
        List<String> parts = new ArrayList<>();
        if (tenant != null) parts.add("tenant: " + tenant);
        if (!timelines.isEmpty()) {
            List<String> tls = new ArrayList<>();
            timelines.forEach((id, e) -> tls.add(id + ": " + e.flow()));
            parts.add("timelines: {" + String.join(", ", tls) + "}");
        }
        if (attach != null) parts.add("attach: " + (attach ? "succeeds" : "fails"));
        return "{" + String.join(", ", parts) + "}";
    }
}
