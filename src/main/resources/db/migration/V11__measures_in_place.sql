-- A recipient reports that its measures are in place (the portal); the duty officers see it with the order.
ALTER TABLE plan_order
    ADD COLUMN measures_in_place_at timestamptz,
    ADD COLUMN measures_note        text;
