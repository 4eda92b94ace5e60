package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RustSourceTest {
    @Test
    void citesTheLabelsFunctionAtEachCommit() {
        assertEquals("offload.rs:35-125", RustSource.cite("6a35a3e9f1", "offload_timeline/shutdown_if_archived"));
        assertEquals("offload.rs:32-106", RustSource.cite("6149ac8834", "offload_timeline/shutdown_if_archived"));
        assertEquals("offload.rs:31-104", RustSource.cite("49756a0d01", "offload_timeline/is_archived"));
    }

    @Test
    void aTypeRenamedUpstreamIsFoundByItsMethod() {
        // Tenant became TenantShard before 6a35a3e9f1
        String at = RustSource.cite("6a35a3e9f1", "Tenant::shutdown/gate close");
        assertEquals("tenant.rs", at.substring(0, at.indexOf(':')));
    }

    @Test
    void theSchedulersOwnPointsAndUnknownNamesAreNotCited() {
        assertNull(RustSource.cite("6a35a3e9f1", "start"));
        assertNull(RustSource.cite("6a35a3e9f1", "join shutdown t1"));
        assertNull(RustSource.cite("6a35a3e9f1", "no_such_function/x"));
        assertNull(RustSource.cite("0000000000", "offload_timeline/x"));
    }

    @Test
    void everyVariantNamesACommitTheIndexHas() {
        for (Variant v : Variant.values())
            assertEquals("offload.rs", RustSource.cite(v.rustCommit(), "offload_timeline/x").substring(0, "offload.rs".length()), v.id());
    }
}
