package offloadsim.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void aJoinIsTheConcatenationAndRepeatsGiveTheSameInstance() {
        String id = new String("t1"); // not the literal: equal content must find the same entry
        assertEquals("compaction_lock t1", Texts.join("compaction_lock ", id));
        assertSame(Texts.join("compaction_lock ", "t1"), Texts.join("compaction_lock ", id));
        assertEquals(" g12", Texts.join(" g", 12));
        assertSame(Texts.join(" g", 12), Texts.join(" g", 12L));
        assertEquals("tenant g1: Attaching -> Active", Texts.join(Texts.join("tenant g", 1), ": ", Texts.join("Attaching", " -> ", "Active")));
        assertEquals("abcd", Texts.join("a", "b", "c", "d"));
    }

    @Test
    void pastTheLimitItStillJoinsButKeepsNothingMore() {
        String prefix = "texts-test-limit ";
        for (int i = 0; i < Texts.LIMIT + 10; i++) assertEquals(prefix + i, Texts.join(prefix, Integer.toString(i)));
        String late = Texts.join(prefix, "late");
        assertEquals(prefix + "late", late);
        assertNotSame(late, Texts.join(prefix, "late"), "a text past the limit is joined afresh each time");
        assertSame(Texts.join(prefix, "0"), Texts.join(prefix, "0"), "the texts kept before the limit stay shared");
    }
}
