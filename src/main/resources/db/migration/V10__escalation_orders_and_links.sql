-- Escalations are orders of their own: the supervising unit (then the HQ office) gets an order with its own short
-- code to acknowledge, linked to the order that went unanswered.
ALTER TABLE plan_order
    ADD COLUMN escalates_order_id bigint REFERENCES plan_order (id),
    ADD COLUMN supervisor_id      text,
    ADD COLUMN supervisor_name    text,
    ADD COLUMN hq_name            text,
    -- A one-time acknowledgement link's secret, where the sender's policy allows links in SMS.
    ADD COLUMN ack_token          text UNIQUE;
CREATE INDEX plan_order_escalates ON plan_order (escalates_order_id) WHERE escalates_order_id IS NOT NULL;

-- Web users who act for one recipient (an enterprise, a school or a responsible unit) of one unit's plan.
ALTER TABLE app_user
    ADD COLUMN recipient_unit text,
    ADD COLUMN recipient_id   text;
