package offloadsim.model.tenant;

import offloadsim.model.Variant;
import offloadsim.model.timeline.Timeline;

/** offload.rs offload_timeline, one implementation per design variant. Returns null or an OffloadError name. */
interface OffloadFlow {
    String offloadTimeline(Tenant tenant, Timeline timeline);

    static OffloadFlow of(Variant v) {
        return switch (v) {
            case PRE_10305, ALT_RECHECK -> new PreFixOffload();
            case FIX_10305 -> new ArbiterOffload();
            case ALT_STATE -> new StateArbiterOffload();
        };
    }
}
