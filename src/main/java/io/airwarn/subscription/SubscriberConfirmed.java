package io.airwarn.subscription;

/**
 * A number confirmed its subscription to a unit's warnings. The plan, which holds the public message of the warning
 * in force, sends it that message at once: a subscriber should not wait for the next change to hear of it.
 */
public record SubscriberConfirmed(long subscriptionId, String phone, String unit, boolean english) {
}
