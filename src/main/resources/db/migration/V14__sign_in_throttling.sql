-- Sign-in throttling, shared by all nodes: after 5 failed sign-ins in a row a user is locked for 15 minutes.
ALTER TABLE app_user
    ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    timestamptz;
