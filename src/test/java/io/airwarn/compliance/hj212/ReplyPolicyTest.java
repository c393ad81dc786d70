package io.airwarn.compliance.hj212;

import static io.airwarn.compliance.hj212.SampleFrames.parse;
import static io.airwarn.compliance.hj212.SampleFrames.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.compliance.hj212.Hj212Handler.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyPolicyTest {

    private static final String MN = SampleFrames.MN;

    @Test
    void uploadsWantingAnAnswerGetTheir9014() {
        for (String cn : List.of("2011", "2051", "2061", "2031")) {
            Message m = message(cn, 5);
            ReplyPolicy.Decision decision = ReplyPolicy.decide(m, Check.OK);
            assertTrue(decision.accept(), cn);
            assertNull(decision.refusal());
            assertEquals(List.of(text(Replies.dataResponse(m))), texts(decision), cn);
        }
    }

    @Test
    void uploadsNotWantingOneGetNothing() {
        ReplyPolicy.Decision decision = ReplyPolicy.decide(message("2011", 4), Check.OK);
        assertTrue(decision.accept());
        assertEquals(List.of(), decision.replies());
    }

    @Test
    void eachSplitPacketIsAnsweredOnItsOwn() {
        Message packet = parse("QN=20261201110002345;ST=31;CN=2061;PW=123456;MN=" + MN
                + ";Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20261201100000;a21026-Avg=1&&");
        ReplyPolicy.Decision decision = ReplyPolicy.decide(packet, Check.OK);
        assertTrue(decision.accept());
        assertEquals(1, decision.replies().size());
        assertTrue(texts(decision).get(0).contains("CN=9014"));
    }

    @Test
    void noticesGet9013() {
        ReplyPolicy.Decision decision = ReplyPolicy.decide(message("1013", 5), Check.OK);
        assertTrue(decision.accept());
        assertTrue(texts(decision).get(0).contains(";CN=9013;"));
    }

    @Test
    void wrongPasswordAndUnknownDeviceAreRefusedWith9011() {
        ReplyPolicy.Decision pw = ReplyPolicy.decide(message("2061", 5), Check.WRONG_PW);
        assertFalse(pw.accept());
        assertEquals(Refusal.Reason.WRONG_PW, pw.refusal().reason());
        assertEquals(MN, pw.refusal().mn());
        assertTrue(texts(pw).get(0).contains(";CN=9011;") && texts(pw).get(0).contains("CP=&&QnRtn=3&&"));
        ReplyPolicy.Decision mn = ReplyPolicy.decide(message("2011", 4), Check.UNKNOWN_MN);
        assertFalse(mn.accept());
        assertEquals(Refusal.Reason.UNKNOWN_MN, mn.refusal().reason());
        assertTrue(texts(mn).get(0).contains("CP=&&QnRtn=4&&"));
    }

    @Test
    void framesWithoutQnAreNeverAnswered() {
        Message old = parse("ST=32;CN=2011;PW=123456;MN=88888880000001;CP=&&DataTime=20261201100500;02-Rtd=1&&");
        assertEquals(List.of(), ReplyPolicy.decide(old, Check.OK).replies());
        assertTrue(ReplyPolicy.decide(old, Check.OK).accept());
        assertEquals(List.of(), ReplyPolicy.decide(old, Check.WRONG_PW).replies());
        assertEquals(List.of(), ReplyPolicy.decide(old, Check.UNKNOWN_MN).replies());
        Message oldAsking = parse("ST=32;CN=2011;PW=123456;MN=88888880000001;Flag=1;CP=&&DataTime=20261201100500&&");
        assertEquals(List.of(), ReplyPolicy.decide(oldAsking, Check.OK).replies());
    }

    @Test
    void vendorCommandsAreIgnored() {
        for (String cn : List.of("9015", "9021", "3099")) {
            ReplyPolicy.Decision decision = ReplyPolicy.decide(message(cn, 5), Check.OK);
            assertFalse(decision.accept(), cn);
            assertEquals(Refusal.Reason.IGNORED, decision.refusal().reason());
            assertEquals(List.of(), decision.replies());
        }
    }

    @Test
    void theDevicesAnswersArePassedOnUnanswered() {
        ReplyPolicy.Decision decision = ReplyPolicy.decide(parse(SampleFrames.segment(SampleFrames.REQUEST_RESPONSE)),
                Check.OK);
        assertTrue(decision.accept());
        assertEquals(List.of(), decision.replies());
    }

    private static Message message(String cn, int flag) {
        return parse("QN=20261201110002345;ST=31;CN=" + cn + ";PW=123456;MN=" + MN + ";Flag=" + flag
                + ";CP=&&DataTime=20261201100000;a21026-Avg=35.2&&");
    }

    private static List<String> texts(ReplyPolicy.Decision decision) {
        return decision.replies().stream().map(SampleFrames::text).toList();
    }
}
