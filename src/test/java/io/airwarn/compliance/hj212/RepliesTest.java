package io.airwarn.compliance.hj212;

import static io.airwarn.compliance.hj212.SampleFrames.parse;
import static io.airwarn.compliance.hj212.SampleFrames.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private static final Message HOURLY = parse(SampleFrames.segment(SampleFrames.HOURLY));
    private static final Message SET_TIME = parse(SampleFrames.segment(SampleFrames.SET_TIME));

    @Test
    void dataResponseIsTheReferencesByteForByte() {
        assertEquals(SampleFrames.DATA_RESPONSE + "\r\n", text(Replies.dataResponse(HOURLY)));
    }

    @Test
    void requestResponseAndExecutionResultAreTheReferences() {
        assertEquals(SampleFrames.REQUEST_RESPONSE + "\r\n", text(Replies.requestResponse(SET_TIME, 1)));
        assertEquals(SampleFrames.EXECUTION_RESULT + "\r\n", text(Replies.executionResult(SET_TIME, 1)));
    }

    @Test
    void noticeResponse() {
        Message notice = parse("QN=20261201100000001;ST=31;CN=1013;PW=123456;MN=3101120000A0000000000001;Flag=5;"
                + "CP=&&&&");
        String expected = "QN=20261201100000001;ST=91;CN=9013;PW=123456;MN=3101120000A0000000000001;Flag=4;"
                + "CP=&&&&";
        assertEquals("##0087" + expected + Hj212Crc.hex(Hj212Crc.of(expected)) + "\r\n",
                text(Replies.noticeResponse(notice)));
    }

    @Test
    void onlyTheStandardsReturnCodes() {
        assertEquals(true, text(Replies.requestResponse(SET_TIME, 100)).contains("CP=&&QnRtn=100&&"));
        assertEquals(true, text(Replies.executionResult(SET_TIME, 100)).contains("CP=&&ExeRtn=100&&"));
        assertThrows(IllegalArgumentException.class, () -> Replies.requestResponse(SET_TIME, 10));
        assertThrows(IllegalArgumentException.class, () -> Replies.requestResponse(SET_TIME, 0));
        assertThrows(IllegalArgumentException.class, () -> Replies.executionResult(SET_TIME, 7));
    }

    @Test
    void aFrameWithoutQnCannotBeAnswered() {
        Message old = parse("ST=32;CN=2011;PW=123456;MN=88888880000001;CP=&&DataTime=20261201100500&&");
        assertThrows(IllegalArgumentException.class, () -> Replies.dataResponse(old));
    }

    @Test
    void repliesDecodeAsFrames() {
        byte[] reply = Replies.dataResponse(HOURLY);
        List<Decoded> out = new ArrayList<>();
        new FrameDecoder().feed(reply, out::add);
        assertEquals(SampleFrames.segment(SampleFrames.DATA_RESPONSE), ((Frame) out.get(0)).segment());
    }
}
