package io.airwarn.notify;

/**
 * The provider refused a message because the number replied STOP to the sender (Twilio's 21610). Subscriptions,
 * which are not the outbox's to change, listen for it.
 */
public record NumberUnsubscribed(String phone) {
}
