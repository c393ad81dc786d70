-- Every message that leaves AirWarn, written in the transaction of the decision that causes it and sent later by
-- the dispatcher. Lower priority values go first: RED before ORANGE before YELLOW, units and enterprises before
-- schools before the public.
CREATE TABLE outbox (
    id               bigserial   PRIMARY KEY,
    idempotency_key  text        NOT NULL UNIQUE,
    order_id         bigint      REFERENCES plan_order (id),
    unit             text        NOT NULL,
    recipient_type   text        NOT NULL,
    recipient_id     text        NOT NULL,
    phone            text        NOT NULL,
    channel          text        NOT NULL DEFAULT 'SMS',
    body             text        NOT NULL,
    priority         integer     NOT NULL,
    exercise         boolean     NOT NULL,
    valid_until      timestamptz NOT NULL,
    status           text        NOT NULL DEFAULT 'QUEUED',
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claimed_at       timestamptz,
    provider_sid     text        UNIQUE,
    error_code       integer,
    error_message    text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due ON outbox (priority, id) WHERE status IN ('QUEUED', 'RETRY');
CREATE INDEX outbox_order ON outbox (order_id);
CREATE INDEX outbox_claimed ON outbox (claimed_at) WHERE status = 'SENDING';
