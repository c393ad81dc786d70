-- Orders to enterprises, schools and units must be acknowledged by their deadline; silence escalates, first to the
-- supervising unit (with a resend), then to the command HQ office.
ALTER TABLE plan_order
    ADD COLUMN needs_ack         boolean     NOT NULL DEFAULT false,
    ADD COLUMN ack_window        interval,
    ADD COLUMN ack_deadline      timestamptz,
    ADD COLUMN short_code        text        GENERATED ALWAYS AS ('A' || upper(to_hex(id))) STORED,
    ADD COLUMN acknowledged_at   timestamptz,
    ADD COLUMN acknowledged_by   text,
    ADD COLUMN ack_channel       text,
    ADD COLUMN escalation_level  integer     NOT NULL DEFAULT 0,
    ADD COLUMN supervisor_mobile text,
    ADD COLUMN hq_mobile         text;
CREATE UNIQUE INDEX plan_order_short_code ON plan_order (short_code);
CREATE INDEX plan_order_overdue ON plan_order (ack_deadline)
    WHERE needs_ack AND acknowledged_at IS NULL AND status = 'OPEN';
