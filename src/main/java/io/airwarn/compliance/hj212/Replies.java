package io.airwarn.compliance.hj212;

/**
 * The platform's answers as whole frames (appendix C): each echoes the request's QN and the device's PW and MN, with
 * ST=91 (system interaction) and Flag=4 (2017, no answer wanted), as in the standard's example. (Some platforms
 * echo the device's ST instead.)
 */
public final class Replies {

    /** QnRtn [请求应答结果]: the request will be executed. */
    public static final int QN_READY = 1;
    public static final int QN_REFUSED = 2;
    public static final int QN_WRONG_PW = 3;
    public static final int QN_WRONG_MN = 4;
    public static final int QN_WRONG_ST = 5;
    public static final int QN_WRONG_FLAG = 6;
    public static final int QN_WRONG_QN = 7;
    public static final int QN_WRONG_CN = 8;
    public static final int QN_WRONG_CRC = 9;
    public static final int QN_UNKNOWN = 100;

    /** ExeRtn [执行结果]: executed successfully. */
    public static final int EXE_SUCCESS = 1;
    public static final int EXE_FAILED = 2;
    public static final int EXE_CONDITION = 3;
    public static final int EXE_TIMEOUT = 4;
    public static final int EXE_BUSY = 5;
    public static final int EXE_FAULT = 6;
    public static final int EXE_NO_DATA = 100;

    private Replies() {
    }

    /** 9014 [数据应答]: the upload arrived; the device stops resending it. */
    public static byte[] dataResponse(Message request) {
        return reply(request, "9014", "");
    }

    /** 9011 [请求应答] with QnRtn 1..9 or 100. */
    public static byte[] requestResponse(Message request, int qnRtn) {
        if ((qnRtn < QN_READY || qnRtn > QN_WRONG_CRC) && qnRtn != QN_UNKNOWN) {
            throw new IllegalArgumentException("QnRtn " + qnRtn + " is none of 1..9 and 100");
        }
        return reply(request, "9011", "QnRtn=" + qnRtn);
    }

    /** 9012 [执行结果] with ExeRtn 1..6 or 100. */
    public static byte[] executionResult(Message request, int exeRtn) {
        if ((exeRtn < EXE_SUCCESS || exeRtn > EXE_FAULT) && exeRtn != EXE_NO_DATA) {
            throw new IllegalArgumentException("ExeRtn " + exeRtn + " is none of 1..6 and 100");
        }
        return reply(request, "9012", "ExeRtn=" + exeRtn);
    }

    /** 9013 [通知应答]: a notice (1013 time sync request...) arrived. */
    public static byte[] noticeResponse(Message request) {
        return reply(request, "9013", "");
    }

    private static byte[] reply(Message request, String cn, String cp) {
        if (request.qn() == null) {
            throw new IllegalArgumentException("a request without QN cannot be answered");
        }
        return FrameEncoder.encode("QN=" + request.qn() + ";ST=91;CN=" + cn + ";PW=" + request.pw() + ";MN="
                + request.mn() + ";Flag=4;CP=&&" + cp + "&&");
    }
}
