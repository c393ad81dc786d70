package io.airwarn.compliance.hj212;

import java.util.concurrent.CompletionStage;

/**
 * What the receiver asks of the rest of AirWarn. {@link Hj212Server} calls it on its event-loop threads, possibly
 * several at once for different connections, so the methods must be thread-safe and must not block: hand the work to
 * a queue or a worker and complete the stage when it is done. An exception thrown here is logged and costs only the frame at hand (it is not answered, so
 * the device resends it).
 */
public interface Hj212Handler {

    /** Whether the device is registered and the password is its own. */
    Check device(String mn, String pw);

    /**
     * A message from a known device with the right password: uploads (2011, 2051, 2061, 2031...), notices (1013) and
     * the device's answers (9011/9012...). Split uploads arrive once, merged, when their last packet came. The 9014
     * is sent when the returned stage completes (the data stored); when it fails, nothing is sent and the device
     * sends the frame again.
     */
    CompletionStage<Void> accept(Message message, String remote);

    /** What was not accepted, and why; {@code mn} when the bytes named a device, else null. */
    void refused(String mn, String remote, Refusal refusal);

    enum Check {
        OK, UNKNOWN_MN, WRONG_PW
    }
}
