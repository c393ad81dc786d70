-- Console and portal sessions, known to every node: signing out ends one for good (a copied cookie stops working),
-- and a user or an admin can end all of a user's sessions. Only a hash of the session id is stored.
CREATE TABLE web_session (
    id_hash    text        PRIMARY KEY,
    username   text        NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX web_session_user ON web_session (username) WHERE revoked_at IS NULL;
