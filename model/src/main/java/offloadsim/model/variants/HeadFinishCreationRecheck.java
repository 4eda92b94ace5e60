package offloadsim.model.variants;

import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;

/**
 * Candidate fix for the branch races at HEAD (R-BR1, R-BR2): finish_creation, holding the timelines lock
 * it inserts under, re-checks the ancestor — still Active, and its upload queue usable with neither the
 * dirty nor the clean index archived. Every way of losing the ancestor goes through a state this sees
 * under that lock: offload sets shutting_down (shutdown_if_archived) before it sets Stopping and removes
 * the ancestor; deletion sets Stopping under the same lock; archiving first sets dirty.archived_at. And
 * once the child is in timelines, archiving the ancestor (it has an unarchived child) and offloading it
 * (the guard and remove_timeline_from_tenant see the child) are refused. The creation fails with 503
 * AncestorNotActive (retryable) or 406 AncestorArchived, as create_timeline's own checks do.
 */
public class HeadFinishCreationRecheck extends Head {
    @Override
    public String id() {
        return "head+finish-creation-recheck";
    }

    @Override
    public String summary() {
        return "candidate: finish_creation re-checks under the timelines lock that the ancestor is Active and neither archived nor being archived/offloaded";
    }

    // Rust: uninit.rs:100-152 finish_creation @6a35a3e9f1 — plus a re-check before the insert at uninit.rs:128-145
    @Override
    public String finishCreationRefusal(Tenant tenant, Timeline ancestor) {
        if (!ancestor.isActive()) return "AncestorNotActive";
        if (!ancestor.remoteClient.unarchivedInDirtyAndClean()) return "AncestorArchived";
        return null;
    }
}
