-- Files each node holds in memory (contingency plans, forecast models) are re-read by every node when one node
-- reloads them: the reloading node raises the name's generation, the others poll it and reload their copy.
CREATE TABLE cluster_signal (
    name       text        PRIMARY KEY,
    generation bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
