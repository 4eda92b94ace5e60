package offloadsim.scenarios.crosscheck.lincheck;

/**
 * The sequential specification: what a correct pageserver answers to the facade's operations when they
 * run one at a time, starting from the world of {@code unarchive-during-compaction} ({@code t1}, a leaf
 * child of {@code main}, archived; offloading enabled). Stated from the API's documented behaviour, not by
 * running the model.
 *
 * <p>t1 is in one of four states. An offload is not instantaneous in the pageserver: between
 * {@code remove_timeline_from_tenant} and the insert into {@code timelines_offloaded} the timeline is in neither
 * map, and a call about it answers NotFound. The specification makes that explicit as
 * {@link State#OFFLOAD_IN_PROGRESS}: one compaction iteration that offloads t1 is two steps,
 * {@link #beginOffload()} and {@link #endOffload()}, which {@link OffloadInFlightVerifier} may place anywhere
 * inside that compaction's interval (with other operations between them). Every other operation is one step.
 *
 * <ul>
 *   <li>{@code archive()}: Ok (an offloaded timeline is already archived and stays offloaded); while t1's offload
 *       is in progress: Err(NotFound).</li>
 *   <li>{@code unarchive()}: Ok; an offloaded timeline is unoffloaded; afterwards t1 is unarchived and in
 *       {@code timelines}. While t1's offload is in progress: Err(NotFound).</li>
 *   <li>compaction: one iteration; it offloads t1 iff t1 is archived and not offloaded (t1 has no children;
 *       uploads complete inside the operations, so no work is pending). Always Ok.</li>
 *   <li>{@code endpointStart()} = {@code getTimeline(t1, activeOnly=true)}: Unavailable while t1 is offloaded or its
 *       offload is in progress, else Ok (an archived, not offloaded timeline is still Active).</li>
 * </ul>
 * The #10220 history is: an acknowledged unarchive, then {@code endpointStart} answers Unavailable
 * (NotActive, Stopping) — impossible here, in any placement of the offload's two steps.
 *
 * <p>{@link #compaction()} (both steps at once) keeps the class usable as an ordinary Lincheck sequential
 * specification.
 */
public class TenantSequentialSpec {

    /** t1's state. */
    public enum State { ARCHIVED, UNARCHIVED, OFFLOAD_IN_PROGRESS, OFFLOADED }

    /** What a call about a timeline in neither map answers. */
    public static final Answer NOT_FOUND = new Answer("Err(NotFound)", null);

    private State state = State.ARCHIVED;

    public State state() {
        return state;
    }

    /** A copy in the same state (the verifier branches over placements). */
    public TenantSequentialSpec copy() {
        TenantSequentialSpec c = new TenantSequentialSpec();
        c.state = state;
        return c;
    }

    public Answer archive() {
        if (state == State.OFFLOAD_IN_PROGRESS) return NOT_FOUND;
        if (state == State.UNARCHIVED) state = State.ARCHIVED;
        return Answer.OK;
    }

    public Answer unarchive() {
        if (state == State.OFFLOAD_IN_PROGRESS) return NOT_FOUND;
        state = State.UNARCHIVED;
        return Answer.OK;
    }

    public Answer compaction() {
        beginOffload();
        return endOffload();
    }

    /** Compaction's first step: the offload of an archived t1 begins (it leaves {@code timelines}). */
    public void beginOffload() {
        if (state == State.ARCHIVED) state = State.OFFLOAD_IN_PROGRESS;
    }

    /** Compaction's last step: an offload in progress ends (t1 is in {@code timelines_offloaded}); the answer. */
    public Answer endOffload() {
        if (state == State.OFFLOAD_IN_PROGRESS) state = State.OFFLOADED;
        return Answer.OK;
    }

    public Answer endpointStart() {
        return state == State.OFFLOADED || state == State.OFFLOAD_IN_PROGRESS ? Answer.UNAVAILABLE : Answer.OK;
    }
}
