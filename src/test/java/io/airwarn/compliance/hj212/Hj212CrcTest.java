package io.airwarn.compliance.hj212;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Hj212CrcTest {

    @Test
    void checkValueOfAppendixA() {
        assertEquals("2F80", Hj212Crc.hex(Hj212Crc.of("123456789")));
    }

    @Test
    void appendixExampleGives1C80NotThe1C08OfItsProse() {
        String segment = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
                + "CP=&&RtdInterval=30&&";
        assertEquals("1C80", Hj212Crc.hex(Hj212Crc.of(segment)));
    }

    @Test
    void everyFrameOfTheReferenceChecks() {
        for (String frame : SampleFrames.ALL) {
            String crc = frame.substring(frame.length() - 4);
            assertEquals(crc, Hj212Crc.hex(Hj212Crc.of(SampleFrames.segment(frame))), frame);
        }
    }

    @Test
    void isNotModbus() {
        assertEquals(0x4B37, modbus("123456789".getBytes(StandardCharsets.US_ASCII)));
        for (String frame : SampleFrames.ALL) {
            assertNotEquals(modbus(SampleFrames.bytes(SampleFrames.segment(frame))),
                    Hj212Crc.of(SampleFrames.segment(frame)), frame);
        }
    }

    @Test
    void onlyTheHighByteVariesFreelyTheLowByteTakesFewValues() {
        // The register's low byte is dropped before each byte, so a CRC's low byte is one of 8 values.
        for (int i = 0; i < 1000; i++) {
            int low = Hj212Crc.of("segment " + i) & 0xFF;
            assertEquals(true, (low & 0x3E) == 0, Integer.toHexString(low));
        }
    }

    @Test
    void hexReadsEitherCaseAndRefusesOthers() {
        assertEquals(0x1DC0, Hj212Crc.parseHex(SampleFrames.bytes("1dc0"), 0));
        assertEquals(0xEE01, Hj212Crc.parseHex(SampleFrames.bytes("xEE01"), 1));
        assertEquals(-1, Hj212Crc.parseHex(SampleFrames.bytes("&&12"), 0));
        assertEquals(-1, Hj212Crc.parseHex(SampleFrames.bytes("12\r\n"), 0));
        assertEquals(-1, Hj212Crc.parseHex("１２３４".getBytes(StandardCharsets.UTF_8), 0));
        assertEquals("0A0F", Hj212Crc.hex(0x0A0F));
    }

    private static int modbus(byte[] bytes) {
        int reg = 0xFFFF;
        for (byte b : bytes) {
            reg ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        return reg;
    }
}
