-- The texts an order is sent with, rendered from config/messages.yaml when the order is stored; '%CODE%' stands
-- for the order's short code, which exists only once the row does.
ALTER TABLE plan_order
    ADD COLUMN message            text,
    ADD COLUMN message_en         text,
    ADD COLUMN reminder_message   text,
    ADD COLUMN escalation_message text;
