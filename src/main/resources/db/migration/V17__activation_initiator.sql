-- Every activation names who started it and why: the warning whose approval created it, or an exercise started
-- directly. Real orders come only from an approved warning.
ALTER TABLE activation ADD COLUMN actor text;
ALTER TABLE activation ADD COLUMN warning_id bigint REFERENCES warning (id);

UPDATE activation a SET actor = e.actor, warning_id = e.warning_id
FROM warning_event e WHERE e.activation_id = a.id;
UPDATE activation SET actor = 'unrecorded (before V17)' WHERE actor IS NULL;

ALTER TABLE activation ALTER COLUMN actor SET NOT NULL;
-- Rows from before V17 may be real activations started outside a warning; from now on none can be.
ALTER TABLE activation ADD CONSTRAINT activation_real_needs_warning CHECK (exercise OR warning_id IS NOT NULL) NOT VALID;
