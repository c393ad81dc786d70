-- An escalation round sends each supervising contact one digest SMS (how many of its recipients are silent, where to
-- see them) instead of one SMS per silent order. The escalation orders stay, one per silent order, for the lists and
-- the bulk acknowledgement on the recipients' behalf; each belongs to the digest that announced it, and replying
-- with the digest's code acknowledges all of them.
CREATE TABLE escalation_digest (
    id              bigserial   PRIMARY KEY,
    code            text        GENERATED ALWAYS AS ('D' || upper(to_hex(id))) STORED UNIQUE,
    unit            text        NOT NULL,
    recipient_type  text        NOT NULL,
    recipient_id    text        NOT NULL,
    recipient_name  text        NOT NULL,
    mobile          text        NOT NULL,
    level           text        NOT NULL,
    exercise        boolean     NOT NULL,
    enterprises     integer     NOT NULL,
    schools         integer     NOT NULL,
    units           integer     NOT NULL,
    created_at      timestamptz NOT NULL
);

ALTER TABLE plan_order ADD COLUMN digest_id bigint REFERENCES escalation_digest (id);
CREATE INDEX plan_order_digest ON plan_order (digest_id) WHERE digest_id IS NOT NULL;
