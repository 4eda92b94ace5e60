package offloadsim.model.tenant;

import offloadsim.model.Findings;
import offloadsim.model.Variant;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.spec.WorldSpec;
import offloadsim.sim.api.Sim;

/** The tenant package's entry points for the Pageserver facade (errors as Rust variant names, null = Ok). */
public final class TenantOps {
    private TenantOps() {}

    public static Tenant attachAtSetup(Sim sim, Variant v, RemoteStorage r, Findings f, WorldSpec c) {
        return Tenant.attach(sim, v, r, f, c, 1, true);
    }

    public static Tenant attach(Sim sim, Variant v, RemoteStorage r, Findings f, WorldSpec c, int generation) {
        return Tenant.attach(sim, v, r, f, c, generation, false);
    }

    public static String applyArchivalConfig(Tenant t, String id, boolean archive) {
        String wait = t.waitToBecomeActive("timeline_archival_config_handler/wait_to_become_active");
        if (wait != null) return wait;
        return ArchivalConfig.apply(t, id, archive);
    }

    public static String compactionIteration(Tenant t) {
        t.enterTask(); // the iteration runs as a task_mgr task of the tenant, which Tenant::shutdown waits for
        try {
            return t.variant.compactionIteration(t);
        } finally {
            t.exitTask();
        }
    }

    public static String branch(Tenant t, String parent, String child) {
        return CreateTimeline.branch(t, parent, child);
    }

    public static String delete(Tenant t, String id) {
        String wait = t.waitToBecomeActive("timeline_delete_handler/wait_to_become_active");
        if (wait != null) return wait;
        return DeleteTimelineFlow.run(t, id);
    }

    public static String shutdown(Tenant t) {
        return t.shutdown();
    }

    public static String getTimeline(Tenant t, String id, boolean activeOnly) {
        return t.getTimeline(id, activeOnly);
    }
}
