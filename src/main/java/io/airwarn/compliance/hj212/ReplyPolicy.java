package io.airwarn.compliance.hj212;

import java.util.List;
import java.util.Set;

/**
 * Decides, for a message read from a frame whose CRC checked and the handler's word on its device, whether the
 * message goes on and what the device is answered (hj212.md §4). A frame without QN (2005 style) is never answered:
 * there is nothing to echo. Frames whose CRC or fields failed never reach this: they get no answer.
 */
public final class ReplyPolicy {

    /** Data uploads, acknowledged with 9014 when Flag asks for it. */
    static final Set<String> UPLOADS = Set.of("2011", "2021", "2031", "2041", "2051", "2061", "2081");
    /** Notices from the device, acknowledged with 9013. */
    static final Set<String> NOTICES = Set.of("1013");
    /** The device's answers to the platform's requests: passed on, never answered (answers are not acknowledged). */
    static final Set<String> ANSWERS = Set.of("1011", "9011", "9012", "9013", "9014");

    private ReplyPolicy() {
    }

    public static Decision decide(Message message, Hj212Handler.Check check) {
        boolean answerable = message.qn() != null;
        switch (check) {
            case UNKNOWN_MN -> {
                return Decision.refuse(new Refusal(Refusal.Reason.UNKNOWN_MN, "MN " + message.mn() + " (CN "
                        + message.cn() + ") is not registered", message.mn()),
                        answerable ? Replies.requestResponse(message, Replies.QN_WRONG_MN) : null);
            }
            case WRONG_PW -> {
                return Decision.refuse(new Refusal(Refusal.Reason.WRONG_PW, "wrong PW for MN " + message.mn()
                        + " (CN " + message.cn() + ")", message.mn()),
                        answerable ? Replies.requestResponse(message, Replies.QN_WRONG_PW) : null);
            }
            default -> {
                // OK: decided by the command below.
            }
        }
        String cn = message.cn();
        if (UPLOADS.contains(cn)) {
            return Decision.accept(answerable && message.replyRequested() ? Replies.dataResponse(message) : null);
        }
        if (NOTICES.contains(cn)) {
            return Decision.accept(answerable ? Replies.noticeResponse(message) : null);
        }
        if (ANSWERS.contains(cn)) {
            return Decision.accept(null);
        }
        return Decision.refuse(new Refusal(Refusal.Reason.IGNORED, "CN " + cn + " is not handled", message.mn()),
                null);
    }

    /**
     * {@code accept}: hand the message to the handler; else {@code refusal} says why not. {@code replies}: the frames
     * to send back, in order (after the handler took the message).
     */
    public record Decision(boolean accept, Refusal refusal, List<byte[]> replies) {

        static Decision accept(byte[] reply) {
            return new Decision(true, null, reply == null ? List.of() : List.of(reply));
        }

        static Decision refuse(Refusal refusal, byte[] reply) {
            return new Decision(false, refusal, reply == null ? List.of() : List.of(reply));
        }
    }
}
