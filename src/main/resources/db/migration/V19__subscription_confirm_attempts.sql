-- Confirmation attempts per client network (/24 or /64), so codes cannot be guessed across many numbers.
CREATE TABLE subscription_confirm_attempt (
    client text        NOT NULL,
    at     timestamptz NOT NULL
);
CREATE INDEX subscription_confirm_attempt_client ON subscription_confirm_attempt (client, at);
