-- Members of the public who receive a unit's warnings by SMS. A number is confirmed with a code before it
-- receives anything, and opted out by STOP, TD or 退订, by the web, or when Twilio reports it unsubscribed (21610).
CREATE TABLE subscription (
    id             bigserial   PRIMARY KEY,
    phone          text        NOT NULL,
    unit           text        NOT NULL,
    language       text        NOT NULL,
    status         text        NOT NULL,
    code_hash      text,
    code_purpose   text,
    code_expires   timestamptz,
    code_attempts  integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    confirmed_at   timestamptz,
    opted_out_at   timestamptz,
    UNIQUE (phone, unit)
);
CREATE INDEX subscription_active ON subscription (unit) WHERE status = 'ACTIVE';

-- Confirmation codes sent, per number and per client, for the rate limits of the subscription form.
CREATE TABLE subscription_code_sent (
    phone    text        NOT NULL,
    client   text        NOT NULL,
    sent_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscription_code_sent_phone ON subscription_code_sent (phone, sent_at);
CREATE INDEX subscription_code_sent_client ON subscription_code_sent (client, sent_at);
