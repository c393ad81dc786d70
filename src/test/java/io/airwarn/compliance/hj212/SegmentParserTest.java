package io.airwarn.compliance.hj212;

import static io.airwarn.compliance.hj212.SampleFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentParserTest {

    private static final String HEADER = "QN=20261201110002345;ST=31;CN=2061;PW=123456;MN=3101120000A0000000000001;";

    @Test
    void realTimeUploadOf2017() {
        Message m = parse(SampleFrames.segment(SampleFrames.REALTIME));
        assertEquals("20261201100500012", m.qn());
        assertEquals("31", m.st());
        assertEquals("2011", m.cn());
        assertEquals("123456", m.pw());
        assertEquals(SampleFrames.MN, m.mn());
        assertEquals(4, m.flag());
        assertFalse(m.replyRequested());
        assertFalse(m.split());
        assertNull(m.pnum());
        assertEquals(Message.Version.HJ212_2017, m.version());
        assertEquals(LocalDateTime.of(2026, 12, 1, 10, 5, 0), m.dataTime());
        assertEquals(List.of("a21026", "a21002", "a34013", "a19001", "a01012", "a00000"),
                m.items().stream().map(Message.Item::code).toList());
        Message.Item so2 = m.item("a21026");
        assertEquals(Map.of("Rtd", "35.2", "ZsRtd", "37.714", "Flag", "N"), so2.fields());
        assertEquals(37.714, so2.number("ZsRtd"));
        assertEquals("N", so2.flag());
        assertEquals(Map.of("DataTime", "20261201100500"), m.cpFields());
    }

    @Test
    void hourlyUploadOf2017() {
        Message m = parse(SampleFrames.segment(SampleFrames.HOURLY));
        assertEquals(5, m.flag());
        assertTrue(m.replyRequested());
        assertEquals(LocalDateTime.of(2026, 12, 1, 10, 0), m.dataTime());
        assertEquals(5, m.items().size());
        Message.Item flow = m.item("a00000");
        assertEquals("51984.000", flow.fields().get("Cou"));
        assertEquals(51984.0, flow.number("Cou"));
        assertEquals(14.44, flow.number("Avg"));
        assertNull(flow.number("ZsAvg"));
        assertNull(m.item("a19001").number("Cou"));
    }

    @Test
    void requestCarriesItsFieldsInCp() {
        Message m = parse(SampleFrames.segment(SampleFrames.SET_TIME));
        assertEquals("1012", m.cn());
        assertNull(m.dataTime());
        assertEquals(Map.of("SystemTime", "20261201100000"), m.cpFields());
        assertEquals(List.of(), m.items());
        assertEquals(Map.of("QnRtn", "1"), parse(SampleFrames.segment(SampleFrames.REQUEST_RESPONSE)).cpFields());
        assertEquals(Map.of(), parse(SampleFrames.segment(SampleFrames.DATA_RESPONSE)).cpFields());
    }

    @Test
    void styleOf2005WithOldCodesMapped() {
        Message m = parse("ST=32;CN=2011;PW=123456;MN=88888880000001;CP=&&DataTime=20261201100500;"
                + "01-Rtd=12.3,01-Flag=N;02-Rtd=35.2,02-ZsRtd=37.7,02-Flag=P;03-Rtd=120.5,03-Flag=N;S01-Rtd=9.8;"
                + "B02-Rtd=14.44,B02-Flag=F;011-Rtd=50.1&&");
        assertNull(m.qn());
        assertEquals(0, m.flag());
        assertEquals(Message.Version.HJ212_2005, m.version());
        assertEquals(List.of("a34013", "a21026", "a21002", "a19001", "a00000", "011"),
                m.items().stream().map(Message.Item::code).toList());
        assertEquals("P", m.item("a21026").flag());
        assertEquals(37.7, m.item("a21026").number("ZsRtd"));
    }

    @Test
    void mixedOldAndNewCodesInOneFrame() {
        Message m = parse(HEADER + "Flag=4;CP=&&DataTime=20261201100000;02-Avg=35.2;a21002-Avg=120.5;S01-Avg=9.8&&");
        assertEquals(List.of("a21026", "a21002", "a19001"), m.items().stream().map(Message.Item::code).toList());
    }

    @Test
    void versionsFromFlag() {
        assertEquals(Message.Version.HJ212_2025, parse(HEADER + "Flag=9;CP=&&DataTime=20261201100000&&").version());
        assertEquals(Message.Version.HJ212_2025, parse(HEADER + "Flag=8;CP=&&DataTime=20261201100000&&").version());
        assertEquals(Message.Version.HJ212_2005, parse(HEADER + "Flag=1;CP=&&DataTime=20261201100000&&").version());
        for (int flag : List.of(12, 13, 255)) {
            Refusal refusal = (Refusal) SegmentParser.parse(HEADER + "Flag=" + flag
                    + ";CP=&&DataTime=20261201100000&&");
            assertEquals(Refusal.Reason.UNKNOWN_VERSION, refusal.reason());
            assertEquals(SampleFrames.MN, refusal.mn());
            assertTrue(refusal.detail().startsWith("Flag=" + flag + ": version bits " + (flag >>> 2)),
                    refusal.detail());
        }
    }

    @Test
    void cpWithoutAmpersands() {
        Message m = parse(HEADER + "Flag=5;CP=DataTime=20261201100000;a21026-Avg=35.2,a21026-Flag=N");
        assertEquals(LocalDateTime.of(2026, 12, 1, 10, 0), m.dataTime());
        assertEquals(35.2, m.item("a21026").number("Avg"));
        Message single = parse(HEADER + "Flag=5;CP=&&DataTime=20261201100000;a21026-Avg=35.2&");
        assertEquals("35.2", single.item("a21026").fields().get("Avg"));
    }

    @Test
    void splitPacketsCarryTheirNumbers() {
        Message m = parse(HEADER + "Flag=7;PNUM=3;PNO=2;CP=&&DataTime=20261201100000;a21026-Avg=35.2&&");
        assertTrue(m.split());
        assertEquals(3, m.pnum());
        assertEquals(2, m.pno());
    }

    @Test
    void freeTextWithSeparatorsStaysWhole() {
        Message m = parse(HEADER.replace("CN=2061", "CN=3020") + "Flag=4;CP=&&DataTime=20261201100000;"
                + "i13004-Info=停运,检修;原因待查,a21026-Avg=1&&");
        assertEquals("停运,检修;原因待查", m.item("i13004").fields().get("Info"));
        assertEquals(1.0, m.item("a21026").number("Avg"));
    }

    @Test
    void numbersOnlyInDecimalNotation() {
        Message m = parse(HEADER + "Flag=4;CP=&&DataTime=20261201100000;a21026-Avg=NaN,a21026-Min=0x1p3,"
                + "a21026-Max=1.5d,a21026-Cou=,a21026-ZsAvg=-1.5e2&&");
        Message.Item item = m.item("a21026");
        assertNull(item.number("Avg"));
        assertNull(item.number("Min"));
        assertNull(item.number("Max"));
        assertNull(item.number("Cou"));
        assertEquals(-150.0, item.number("ZsAvg"));
    }

    @Test
    void malformedFieldsAreNamed() {
        String cp = "CP=&&DataTime=20261201100000&&";
        Map<String, String> cases = Map.ofEntries(
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=" + "A".repeat(25) + ";Flag=4;" + cp, "MN"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=AB CD;Flag=4;" + cp, "MN"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;Flag=4;" + cp, "MN"),
                Map.entry("QN=1;ST=31;CN=2061;PW=12345;MN=M1;Flag=4;" + cp, "PW"),
                Map.entry("QN=1;ST=31;CN=2061;MN=M1;Flag=4;" + cp, "PW"),
                Map.entry("QN=1;ST=31;CN=261;PW=123456;MN=M1;Flag=4;" + cp, "CN"),
                Map.entry("QN=1;CN=2061;PW=123456;MN=M1;Flag=4;" + cp, "ST"),
                Map.entry("QN=1x;ST=31;CN=2061;PW=123456;MN=M1;Flag=4;" + cp, "QN"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=300;" + cp, "Flag"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=x;" + cp, "Flag"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=7;PNO=1;" + cp, "PNUM"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=7;PNUM=2;PNO=3;" + cp, "PNO"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=4", "CP"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&=5&&", "CP"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&junk;DataTime=20261201100000&&", "CP"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&DataTime=20261301100000&&", "DataTime"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&DataTime=2026120110&&", "DataTime"),
                Map.entry("QN=1;ST=31;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&a21026-Avg=1&&", "DataTime"));
        cases.forEach((segment, field) -> {
            Parsed parsed = SegmentParser.parse(segment);
            assertTrue(parsed instanceof Refusal, segment);
            Refusal refusal = (Refusal) parsed;
            assertEquals(Refusal.Reason.MALFORMED, refusal.reason(), segment);
            assertTrue(refusal.detail().startsWith(field + ": "), segment + " -> " + refusal.detail());
            if (!field.equals("MN")) {
                assertEquals("M1", refusal.mn(), segment);
            }
        });
    }

    @Test
    void unknownHeaderFieldsAndFreeMnsAreTolerated() {
        Message m = parse("QN=20261201100000001;ST=22;CN=2011;PW=123456;MN=JLYP01_AIR01_0001;Flag=4;Extra=1;"
                + "CP=&&DataTime=20261201100000&&");
        assertEquals("JLYP01_AIR01_0001", m.mn());
        assertEquals("22", m.st());
    }

    @Test
    void theCpFieldIsFoundOnlyAtAFieldStart() {
        // "CP=" inside a value (the PW here) is not the CP.
        Message m = parse("QN=20261201100000001;ST=31;CN=1013;PW=aCP=12;MN=M1;Flag=5;CP=&&&&");
        assertEquals("aCP=12", m.pw());
    }
}
