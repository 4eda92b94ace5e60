package offloadsim.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void roundTripsWithRunsDataAndLargeIds() {
        Schedule s = new Schedule(0x2aL, List.of(
                new Schedule.TaskPick(0), new Schedule.TaskPick(0), new Schedule.TaskPick(0),
                new Schedule.TaskPick(1), new Schedule.DataPick(12345), new Schedule.TaskPick(40),
                new Schedule.TaskPick(40), new Schedule.TaskPick(35)));
        String text = s.encode();
        assertEquals("v1:2a:0[2]1(9ix){40}[1]z", text);
        assertEquals(s, Schedule.parse(text));
    }

    @Test
    void emptyScheduleRoundTrips() {
        Schedule s = new Schedule(-1L, List.of());
        assertEquals(s, Schedule.parse(s.encode()));
    }

    @Test
    void malformedStringsGiveOneLineReasons() {
        for (String bad : List.of("", "v2:1:0", "v1:zz:0", "v1:1:0(", "v1:1:[3]", "v1:1:0{x}", "v1:1:0#", "v1:1:A")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(bad), bad);
            assertTrue(!e.getMessage().contains("\n") && !e.getMessage().isBlank(), e.getMessage());
        }
    }
}
