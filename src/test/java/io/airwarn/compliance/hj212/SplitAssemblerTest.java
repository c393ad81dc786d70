package io.airwarn.compliance.hj212;

import static io.airwarn.compliance.hj212.SampleFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SplitAssemblerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void packetsInAnyOrderMakeOneMessageOnce() {
        SplitAssembler assembler = new SplitAssembler(Duration.ofMinutes(5), 100);
        assertEquals(Optional.empty(), assembler.add(packet("M1", "20261201100000", 3, 2, "a21002-Avg=120.5"), 0));
        assertEquals(Optional.empty(), assembler.add(packet("M1", "20261201100000", 3, 3,
                "a00000-Avg=14.44;a21026-Flag=N"), SECOND));
        assertEquals(Optional.empty(), assembler.add(packet("M1", "20261201100000", 3, 2, "a21002-Avg=999"), SECOND),
                "a resend changes nothing");
        Message whole = assembler.add(packet("M1", "20261201100000", 3, 1, "a21026-Avg=35.2"), 2 * SECOND)
                .orElseThrow();
        assertEquals(List.of("a21026", "a21002", "a00000"), whole.items().stream().map(Message.Item::code).toList());
        assertEquals("35.2", whole.item("a21026").fields().get("Avg"));
        assertEquals("N", whole.item("a21026").flag());
        assertEquals("120.5", whole.item("a21002").fields().get("Avg"));
        assertEquals("QN-1", "QN-" + whole.qn().substring(whole.qn().length() - 1));
        assertFalse(whole.split());
        assertNull(whole.pnum());
        assertNull(whole.pno());
        assertEquals(LocalDateTime.of(2026, 12, 1, 10, 0), whole.dataTime());
        assertEquals(0, assembler.openSets());
        assertEquals(List.of(), assembler.expire(3 * SECOND));
    }

    @Test
    void setsAreKeptApartByDeviceCommandAndTime() {
        SplitAssembler assembler = new SplitAssembler(Duration.ofMinutes(5), 100);
        assembler.add(packet("M1", "20261201100000", 2, 1, "a21026-Avg=1"), 0);
        assembler.add(packet("M2", "20261201100000", 2, 1, "a21026-Avg=2"), 0);
        assembler.add(packet("M1", "20261201110000", 2, 1, "a21026-Avg=3"), 0);
        assertEquals(3, assembler.openSets());
        Message m2 = assembler.add(packet("M2", "20261201100000", 2, 2, "a21002-Avg=4"), 0).orElseThrow();
        assertEquals("2", m2.item("a21026").fields().get("Avg"));
        assertEquals("M2", m2.mn());
    }

    @Test
    void incompleteSetsExpire() {
        SplitAssembler assembler = new SplitAssembler(Duration.ofSeconds(60), 100);
        assembler.add(packet("M1", "20261201100000", 3, 1, "a21026-Avg=1"), 0);
        assembler.add(packet("M1", "20261201100000", 3, 2, "a21026-Min=1"), 30 * SECOND);
        assertEquals(List.of(), assembler.expire(60 * SECOND));
        List<SplitAssembler.Incomplete> expired = assembler.expire(61 * SECOND);
        assertEquals(List.of(new SplitAssembler.Incomplete("M1", "2061", LocalDateTime.of(2026, 12, 1, 10, 0), 2, 3)),
                expired);
        Refusal refusal = expired.get(0).refusal();
        assertEquals(Refusal.Reason.INCOMPLETE, refusal.reason());
        assertEquals("M1", refusal.mn());
        assertEquals("split 2061 upload at 2026-12-01T10:00: 2 of 3 packets", refusal.detail());
        assertEquals(Optional.empty(), assembler.add(packet("M1", "20261201100000", 3, 3, "a21026-Max=1"),
                62 * SECOND), "the late packet starts a new set");
    }

    @Test
    void aNewPacketCountStartsOver() {
        SplitAssembler assembler = new SplitAssembler(Duration.ofSeconds(60), 100);
        assembler.add(packet("M1", "20261201100000", 3, 1, "a21026-Avg=1"), 0);
        assertTrue(assembler.add(packet("M1", "20261201100000", 2, 1, "a21026-Avg=1"), 0).isEmpty());
        assertTrue(assembler.add(packet("M1", "20261201100000", 2, 2, "a21002-Avg=1"), 0).isPresent());
        assertEquals(1, assembler.expire(0).size());
    }

    @Test
    void theOldestSetMakesRoomWhenFull() {
        SplitAssembler assembler = new SplitAssembler(Duration.ofSeconds(60), 2);
        assembler.add(packet("M1", "20261201100000", 2, 1, "a21026-Avg=1"), 0);
        assembler.add(packet("M2", "20261201100000", 2, 1, "a21026-Avg=1"), 0);
        assembler.add(packet("M3", "20261201100000", 2, 1, "a21026-Avg=1"), 0);
        assertEquals(2, assembler.openSets());
        assertEquals("M1", assembler.expire(0).get(0).mn());
    }

    @Test
    void unsplitMessagesPassThrough() {
        Message m = parse(SampleFrames.segment(SampleFrames.HOURLY));
        assertEquals(Optional.of(m), new SplitAssembler(Duration.ofSeconds(1), 1).add(m, 0));
    }

    private static Message packet(String mn, String dataTime, int pnum, int pno, String items) {
        return parse("QN=2026120111000234" + pno + ";ST=31;CN=2061;PW=123456;MN=" + mn + ";Flag=7;PNUM=" + pnum
                + ";PNO=" + pno + ";CP=&&DataTime=" + dataTime + ";" + items + "&&");
    }
}
