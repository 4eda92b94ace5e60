package offloadsim.model.variants;

import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;

/**
 * A naive fix for the branch races at HEAD, which the testbed refutes: finish_creation repeats
 * create_timeline's own ancestor checks (tenant.rs:2740 is_active, :2744 is_archived() == Some(true))
 * under the timelines lock right before the insert. It closes R-BR1 where the ancestor is already
 * Stopping, but not the window between shutdown_if_archived and set_state(Stopping) (offload.rs:73-81):
 * there the ancestor is still Active and is_archived() answers None, which the check lets through.
 */
public class HeadFinishCreationSameChecks extends Head {
    @Override
    public String id() {
        return "head+finish-creation-same-checks";
    }

    @Override
    public String summary() {
        return "naive fix (refuted): finish_creation repeats create_timeline's is_active / is_archived()==Some(true) checks under the timelines lock";
    }

    // Rust: uninit.rs:128-145 finish_creation (the insert) @6a35a3e9f1; tenant.rs:2740-2747 create_timeline (its ancestor checks) @6a35a3e9f1 — repeated before the insert
    @Override
    public String finishCreationRefusal(Tenant tenant, Timeline ancestor) {
        if (!ancestor.isActive()) return "AncestorNotActive";
        if (Boolean.TRUE.equals(ancestor.remoteClient.isArchived())) return "AncestorArchived";
        return null;
    }
}
