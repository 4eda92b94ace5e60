package offloadsim.scenarios.crosscheck.lincheck;

/**
 * The sequential specification: what a correct pageserver answers to the facade's operations when they
 * run one at a time, starting from the world of {@code unarchive-during-compaction} ({@code t1}, a leaf
 * child of {@code main}, archived; offloading enabled). Stated from the API's documented behaviour, not by
 * running the model:
 *
 * <ul>
 *   <li>{@code archive()}: Ok; an offloaded timeline is already archived (Ok, stays offloaded).</li>
 *   <li>{@code unarchive()}: Ok; an offloaded timeline is unoffloaded; afterwards t1 is unarchived and in
 *       {@code timelines}.</li>
 *   <li>{@code compaction()}: one iteration; it offloads t1 iff t1 is archived and not offloaded (t1 has no
 *       children; uploads have completed inside the operations, so no work is pending). Always Ok.</li>
 *   <li>{@code endpointStart()} = {@code getTimeline(t1, activeOnly=true)}: Ok unless t1 is offloaded, then
 *       Unavailable (NotFound). An archived, not offloaded timeline is still Active, so Ok.</li>
 * </ul>
 * The #10220 history is: an acknowledged unarchive, then {@code endpointStart} answers Unavailable
 * (NotActive, Stopping) — impossible here.
 */
public class TenantSequentialSpec {
    private boolean archived = true;
    private boolean offloaded = false;

    public Answer archive() {
        if (!offloaded) archived = true;
        return Answer.OK;
    }

    public Answer unarchive() {
        offloaded = false;
        archived = false;
        return Answer.OK;
    }

    public Answer compaction() {
        if (archived && !offloaded) offloaded = true;
        return Answer.OK;
    }

    public Answer endpointStart() {
        return offloaded ? Answer.UNAVAILABLE : Answer.OK;
    }
}
