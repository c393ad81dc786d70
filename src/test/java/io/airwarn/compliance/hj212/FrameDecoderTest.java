package io.airwarn.compliance.hj212;

import static io.airwarn.compliance.hj212.SampleFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final String CRLF = "\r\n";

    @Test
    void decodesEachFrameOfTheReference() {
        for (String frame : SampleFrames.ALL) {
            List<Decoded> out = decode(new FrameDecoder(), bytes(frame + CRLF));
            assertEquals(1, out.size(), frame);
            Frame decoded = (Frame) out.get(0);
            assertEquals(SampleFrames.segment(frame), decoded.segment());
            assertArrayEquals(bytes(frame), decoded.raw());
        }
    }

    @Test
    void theSameFramesWhereverTheStreamIsCut() {
        byte[] stream = bytes(String.join(CRLF, SampleFrames.ALL) + CRLF);
        List<String> expected = SampleFrames.ALL.stream().map(SampleFrames::segment).toList();
        for (int cut = 0; cut <= stream.length; cut++) {
            FrameDecoder decoder = new FrameDecoder();
            List<Decoded> out = new ArrayList<>();
            decoder.feed(stream, 0, cut, out::add);
            decoder.feed(stream, cut, stream.length - cut, out::add);
            assertEquals(expected, segments(out), "cut at " + cut);
            assertEquals(0, decoder.buffered());
        }
        for (int first = 0; first < stream.length; first += 7) {
            for (int second = first; second <= stream.length; second += 13) {
                FrameDecoder decoder = new FrameDecoder();
                List<Decoded> out = new ArrayList<>();
                decoder.feed(stream, 0, first, out::add);
                decoder.feed(stream, first, second - first, out::add);
                decoder.feed(stream, second, stream.length - second, out::add);
                assertEquals(expected, segments(out), "cut at " + first + " and " + second);
            }
        }
    }

    @Test
    void byteByByte() {
        byte[] stream = bytes(String.join(CRLF, SampleFrames.ALL) + CRLF);
        FrameDecoder decoder = new FrameDecoder();
        List<Decoded> out = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            decoder.feed(stream, i, 1, out::add);
        }
        assertEquals(SampleFrames.ALL.stream().map(SampleFrames::segment).toList(), segments(out));
    }

    @Test
    void framesGluedWithoutLineEndsOrWithBareNewlines() {
        assertEquals(6, segments(decode(new FrameDecoder(), bytes(String.join("", SampleFrames.ALL)))).size());
        List<Decoded> out = decode(new FrameDecoder(), bytes(String.join("\n", SampleFrames.ALL) + "\n"));
        assertEquals(6, out.size(), "no garbage reported for the line ends: " + out);
    }

    @Test
    void junkEndingInHashDoesNotHideTheFrame() {
        List<Decoded> out = decode(new FrameDecoder(), bytes("AT+CSQ#" + SampleFrames.DATA_RESPONSE + CRLF));
        assertEquals(2, out.size(), out.toString());
        Refusal garbage = (Refusal) out.get(0);
        assertEquals(Refusal.Reason.GARBAGE, garbage.reason());
        assertTrue(garbage.detail().startsWith("7 bytes"), garbage.detail());
        assertEquals(SampleFrames.segment(SampleFrames.DATA_RESPONSE), ((Frame) out.get(1)).segment());
        List<Decoded> hashes = decode(new FrameDecoder(), bytes("###" + SampleFrames.DATA_RESPONSE));
        assertEquals(Frame.class, hashes.get(hashes.size() - 1).getClass());
    }

    @Test
    void lowercaseCrcIsAccepted() {
        String lower = SampleFrames.HOURLY.substring(0, SampleFrames.HOURLY.length() - 4) + "d1c1";
        List<Decoded> out = decode(new FrameDecoder(), bytes(lower + CRLF));
        assertEquals(SampleFrames.segment(SampleFrames.HOURLY), ((Frame) out.get(0)).segment());
    }

    @Test
    void aBadCrcIsRefusedNamingItsDeviceAndTheNextFrameStillComes() {
        String bad = SampleFrames.HOURLY.substring(0, SampleFrames.HOURLY.length() - 4) + "D1C2";
        List<Decoded> out = decode(new FrameDecoder(), bytes(bad + CRLF + SampleFrames.REALTIME + CRLF));
        assertEquals(2, out.size(), out.toString());
        Refusal refusal = (Refusal) out.get(0);
        assertEquals(Refusal.Reason.BAD_CRC, refusal.reason());
        assertEquals("CRC D1C2, computed D1C1", refusal.detail());
        assertEquals(SampleFrames.MN, refusal.mn());
        assertEquals(SampleFrames.segment(SampleFrames.REALTIME), ((Frame) out.get(1)).segment());
    }

    @Test
    void aModbusCrcIsRefused() {
        String segment = SampleFrames.segment(SampleFrames.DATA_RESPONSE);
        int reg = 0xFFFF;
        for (byte b : bytes(segment)) {
            reg ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        List<Decoded> out = decode(new FrameDecoder(), bytes("##0087" + segment + Hj212Crc.hex(reg) + CRLF));
        assertEquals(Refusal.Reason.BAD_CRC, ((Refusal) out.get(0)).reason());
    }

    @Test
    void aLengthOffByTwoEitherWayIsRefusedAndTheFollowingFrameRecovered() {
        for (String length : List.of("0089", "0085")) {
            String wrong = "##" + length + SampleFrames.DATA_RESPONSE.substring(6);
            List<Decoded> out = decode(new FrameDecoder(), bytes(wrong + CRLF + SampleFrames.SET_TIME + CRLF));
            assertEquals(2, out.size(), out.toString());
            Refusal refusal = (Refusal) out.get(0);
            assertEquals(Refusal.Reason.BAD_LENGTH, refusal.reason(), refusal.detail());
            assertEquals(SampleFrames.MN, refusal.mn());
            assertEquals(SampleFrames.segment(SampleFrames.SET_TIME), ((Frame) out.get(1)).segment());
        }
    }

    @Test
    void aLengthTooLongSwallowsNothing() {
        // Declared 50 bytes too long: the wait covers the start of the next frame, which the rescan finds.
        String wrong = "##0137" + SampleFrames.DATA_RESPONSE.substring(6);
        List<Decoded> out = decode(new FrameDecoder(), bytes(wrong + CRLF + SampleFrames.HOURLY + CRLF));
        // Where the CRC should be lie 4 characters of the next frame: hex by chance here ("1234" of its PW).
        assertEquals(Refusal.Reason.BAD_CRC, ((Refusal) out.get(0)).reason());
        assertEquals(SampleFrames.segment(SampleFrames.HOURLY), ((Frame) out.get(1)).segment());
        assertEquals(2, out.size());
    }

    @Test
    void anOversizedSegmentIsRefusedUnlessLenient() {
        String big = SampleFrames.segment(SampleFrames.HOURLY).replace("CP=&&", "CP=&&Info=" + "y".repeat(1100) + ";");
        byte[] frame = FrameEncoder.encode(big);
        List<Decoded> strict = decode(new FrameDecoder(), frame);
        assertEquals(1, strict.size(), strict.toString());
        Refusal refusal = (Refusal) strict.get(0);
        assertEquals(Refusal.Reason.OVERSIZED, refusal.reason());
        assertEquals("segment of " + bytes(big).length + " bytes over the limit of 1024", refusal.detail());
        List<Decoded> lenient = decode(new FrameDecoder(true), frame);
        assertEquals(big, ((Frame) lenient.get(0)).segment());
    }

    @Test
    void aFrameLargerThanTheBufferIsRefusedAndTheBufferNeverGrowsBeyondIt() {
        byte[] frame = FrameEncoder.encode("QN=1;CP=&&" + "z".repeat(5000) + "&&");
        FrameDecoder decoder = new FrameDecoder(FrameDecoder.LENIENT_MAX_SEGMENT, 4096);
        List<Decoded> out = new ArrayList<>();
        for (int i = 0; i < frame.length; i += 100) {
            decoder.feed(frame, i, Math.min(100, frame.length - i), out::add);
            assertTrue(decoder.buffered() < 4096);
        }
        assertEquals(Refusal.Reason.OVERSIZED, ((Refusal) out.get(0)).reason());
        assertEquals(1, out.size(), out.toString());
        decoder.feed(bytes(SampleFrames.REALTIME), out::add);
        assertEquals(Frame.class, out.get(1).getClass());
    }

    @Test
    void garbageIsReportedOnceWithASample() {
        List<Decoded> out = decode(new FrameDecoder(), bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(1, out.size());
        Refusal refusal = (Refusal) out.get(0);
        assertEquals(Refusal.Reason.GARBAGE, refusal.reason());
        assertEquals("21 bytes outside any frame: 'GET / HTTP/1.1..Host: x....'", refusal.detail());
        assertEquals(List.of(), decode(new FrameDecoder(), bytes("\r\n\n")));
        List<Decoded> noLength = decode(new FrameDecoder(), bytes("##abcdef" + SampleFrames.REQUEST_RESPONSE));
        assertEquals(Refusal.Reason.GARBAGE, ((Refusal) noLength.get(0)).reason());
        assertEquals(Frame.class, noLength.get(1).getClass());
    }

    @Test
    void aFrameNeverFinishedIsGivenUpAndTheFramesItsWaitSwallowedComeOut() {
        FrameDecoder decoder = new FrameDecoder();
        List<Decoded> out = new ArrayList<>();
        // The hourly frame cut off after 200 bytes, then the device (reconnected logic aside) sends a short frame.
        decoder.feed(bytes(SampleFrames.HOURLY.substring(0, 200)), out::add);
        decoder.feed(bytes(SampleFrames.DATA_RESPONSE + CRLF), out::add);
        assertEquals(List.of(), out);
        assertTrue(decoder.buffered() > 0);
        decoder.expire(out::add);
        assertEquals(2, out.size(), out.toString());
        Refusal refusal = (Refusal) out.get(0);
        assertEquals(Refusal.Reason.INCOMPLETE, refusal.reason());
        assertEquals(SampleFrames.MN, refusal.mn());
        assertEquals(SampleFrames.segment(SampleFrames.DATA_RESPONSE), ((Frame) out.get(1)).segment());
        assertEquals(0, decoder.buffered());
    }

    @Test
    void utf8TextCountsInBytes() {
        String segment = "QN=20261201100000001;ST=31;CN=3020;PW=123456;MN=M1;Flag=4;CP=&&i13004-Info=除尘器停运&&";
        byte[] frame = FrameEncoder.encode(segment);
        assertEquals(String.format("##%04d", bytes(segment).length), SampleFrames.text(frame).substring(0, 6));
        assertEquals(segment, ((Frame) decode(new FrameDecoder(), frame).get(0)).segment());
    }

    @Test
    void aLargeChunkOfManyFramesAfterAPartialOne() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            stream.writeBytes(bytes(SampleFrames.HOURLY + CRLF));
        }
        byte[] all = stream.toByteArray();
        FrameDecoder decoder = new FrameDecoder();
        List<Decoded> out = new ArrayList<>();
        decoder.feed(all, 0, 300, out::add);
        decoder.feed(all, 300, all.length - 300, out::add);
        assertEquals(100, segments(out).size());
        assertEquals(100, out.size());
    }

    private static List<Decoded> decode(FrameDecoder decoder, byte[] bytes) {
        List<Decoded> out = new ArrayList<>();
        decoder.feed(bytes, out::add);
        return out;
    }

    private static List<String> segments(List<Decoded> out) {
        return out.stream().filter(Frame.class::isInstance).map(d -> ((Frame) d).segment()).toList();
    }
}
