package io.airwarn.notify;

/**
 * What became of one send. {@code unknown}: the request may have reached the provider (a timeout after it left);
 * it is reconciled before any resend.
 */
record SendResult(Outcome outcome, String sid, Integer errorCode, String message) {

    enum Outcome { ACCEPTED, RETRYABLE, PERMANENT, UNKNOWN }

    static SendResult accepted(String sid) {
        return new SendResult(Outcome.ACCEPTED, sid, null, null);
    }
}
