package io.airwarn.compliance.hj212;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The frames of hj212.md §4, byte for byte (each sent with "\r\n"), and helpers to vary them. */
final class SampleFrames {

    static final String REALTIME = "##0350QN=20261201100500012;ST=31;CN=2011;PW=123456;MN=3101120000A0000000000001;"
            + "Flag=4;CP=&&DataTime=20261201100500;a21026-Rtd=35.2,a21026-ZsRtd=37.714,a21026-Flag=N;a21002-Rtd=120.5,"
            + "a21002-ZsRtd=129.107,a21002-Flag=N;a34013-Rtd=8.1,a34013-ZsRtd=8.679,a34013-Flag=N;a19001-Rtd=9.8,"
            + "a19001-Flag=N;a01012-Rtd=48.6,a01012-Flag=N;a00000-Rtd=14.44,a00000-Flag=N&&1980";
    static final String HOURLY = "##0492QN=20261201110002345;ST=31;CN=2061;PW=123456;MN=3101120000A0000000000001;"
            + "Flag=5;CP=&&DataTime=20261201100000;a21026-Cou=1.830,a21026-Min=30.1,a21026-Avg=35.2,a21026-Max=41.0,"
            + "a21026-Flag=N;a21002-Cou=6.264,a21002-Min=98.7,a21002-Avg=120.5,a21002-Max=133.2,a21002-Flag=N;"
            + "a34013-Cou=0.421,a34013-Min=6.9,a34013-Avg=8.1,a34013-Max=9.4,a34013-Flag=N;a19001-Min=9.1,"
            + "a19001-Avg=9.8,a19001-Max=10.6,a19001-Flag=N;a00000-Cou=51984.000,a00000-Min=13.80,a00000-Avg=14.44,"
            + "a00000-Max=15.02,a00000-Flag=N&&D1C1";
    static final String DATA_RESPONSE = "##0087QN=20261201110002345;ST=91;CN=9014;PW=123456;"
            + "MN=3101120000A0000000000001;Flag=4;CP=&&&&EE01";
    static final String SET_TIME = "##0112QN=20261201100000001;ST=31;CN=1012;PW=123456;MN=3101120000A0000000000001;"
            + "Flag=5;CP=&&SystemTime=20261201100000&&DC41";
    static final String REQUEST_RESPONSE = "##0094QN=20261201100000001;ST=91;CN=9011;PW=123456;"
            + "MN=3101120000A0000000000001;Flag=4;CP=&&QnRtn=1&&C181";
    static final String EXECUTION_RESULT = "##0095QN=20261201100000001;ST=91;CN=9012;PW=123456;"
            + "MN=3101120000A0000000000001;Flag=4;CP=&&ExeRtn=1&&F9C1";

    static final List<String> ALL = List.of(REALTIME, HOURLY, DATA_RESPONSE, SET_TIME, REQUEST_RESPONSE,
            EXECUTION_RESULT);

    static final String MN = "3101120000A0000000000001";

    private SampleFrames() {
    }

    /** The data segment of a frame written without its line end. */
    static String segment(String frame) {
        return frame.substring(6, frame.length() - 4);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Message parse(String segment) {
        Parsed parsed = SegmentParser.parse(segment);
        if (parsed instanceof Message message) {
            return message;
        }
        throw new AssertionError("refused: " + parsed);
    }
}
