-- Sign-in throttling per account AND client address, shared by all nodes: failures from one address slow down that
-- address only, so nobody can lock the real user out from elsewhere. Replaces the per-account lock of V14.
CREATE TABLE sign_in_failure (
    username      text        NOT NULL,
    client        text        NOT NULL,
    failures      integer     NOT NULL,
    blocked_until timestamptz NOT NULL,
    last_failure  timestamptz NOT NULL,
    PRIMARY KEY (username, client)
);
CREATE INDEX sign_in_failure_age ON sign_in_failure (last_failure);

ALTER TABLE app_user DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;
