package offloadsim.model.timeline;

/**
 * timeline.rs ShutdownMode. FreezeAndFlush (pageserver shutdown, so a restart) and Reload (offload)
 * drain the upload queue before stopping it; Hard (timeline delete, detach) cancels first and stops the
 * queue at once, dropping what is queued and failing its barriers' waiters.
 */
public enum ShutdownMode {
    FREEZE_AND_FLUSH, RELOAD, HARD;

    /** Whether Timeline::shutdown awaits remote_client.shutdown() (the drain) before cancelling. */
    public boolean drains() {
        return this != HARD;
    }
}
