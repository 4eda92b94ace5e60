package offloadsim.model.tenant;

import offloadsim.model.Findings;
import offloadsim.model.Variant;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.spec.WorldSpec;
import offloadsim.model.timeline.ShutdownMode;
import offloadsim.sim.api.Sim;

/** The tenant package's entry points for the Pageserver facade (errors as Rust variant names, null = Ok). */
public final class TenantOps {
    private TenantOps() {}

    public static Tenant attachAtSetup(Sim sim, Variant v, RemoteStorage r, Findings f, WorldSpec c) {
        return Tenant.attach(sim, v, r, f, c, 1, true);
    }

    /** tenant_spawn: the next generation, Attaching; the caller installs it in the tenant map, then runs {@link #attach(Tenant)}. */
    public static Tenant spawn(Sim sim, Variant v, RemoteStorage r, Findings f, WorldSpec c, int generation) {
        return Tenant.spawn(sim, v, r, f, c, generation);
    }

    public static Tenant attach(Tenant t) {
        return t.attach(false);
    }

    public static String applyArchivalConfig(Tenant t, String id, boolean archive) {
        String wait = t.waitToBecomeActive("timeline_archival_config_handler/wait_to_become_active");
        if (wait != null) return wait;
        return ArchivalConfig.apply(t, id, archive);
    }

    public static String compactionIteration(Tenant t) {
        var task = t.enterTask(); // the iteration runs as a task_mgr task of the tenant, which Tenant::shutdown waits for
        try {
            return CompactionIteration.run(t);
        } finally {
            t.exitTask(task);
        }
    }

    // Rust: routes.rs:572-700 timeline_create_handler @49756a0d01; routes.rs:572-700 @6149ac8834
    /** The handler waits for the tenant to become active (routes.rs:640) before Tenant::create_timeline. */
    public static String branch(Tenant t, String parent, String child) {
        String wait = t.waitToBecomeActive("timeline_create_handler/wait_to_become_active");
        if (wait != null) return wait;
        return CreateTimeline.branch(t, parent, child);
    }

    public static String delete(Tenant t, String id) {
        String wait = t.waitToBecomeActive("timeline_delete_handler/wait_to_become_active");
        if (wait != null) return wait;
        return DeleteTimelineFlow.run(t, id);
    }

    public static String shutdown(Tenant t, ShutdownMode mode) {
        return t.shutdown(mode);
    }

    public static String getTimeline(Tenant t, String id, boolean activeOnly) {
        return t.getTimeline(id, activeOnly);
    }
}
