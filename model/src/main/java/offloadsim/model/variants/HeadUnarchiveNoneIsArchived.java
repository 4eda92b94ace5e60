package offloadsim.model.variants;

/**
 * A naive fix for R-UNOFF at HEAD, which the testbed refutes: check_ancestor_of_to_be_unarchived_is_not_archived
 * (tenant.rs:2174-2200) counts an ancestor whose is_archived() answers None (its upload queue is
 * shutting down: an offload passed shutdown_if_archived) as archived. That closes the window the
 * notes name (W_U1), but the check still runs once, before the awaits of unoffload: a parent that is
 * archived and offloaded after it passed is not seen.
 */
public class HeadUnarchiveNoneIsArchived extends Head {
    @Override
    public String id() {
        return "head+unarchive-none-is-archived";
    }

    @Override
    public String summary() {
        return "naive fix (refuted): unarchival's ancestor check counts is_archived()==None as archived";
    }

    // Rust: tenant.rs:2183-2184 check_ancestor_of_to_be_unarchived_is_not_archived (the is_archived read) @6a35a3e9f1 — with None counted as archived
    @Override
    public boolean unarchivalCountsAncestorArchived(Boolean ancestorIsArchived) {
        return !Boolean.FALSE.equals(ancestorIsArchived);
    }
}
