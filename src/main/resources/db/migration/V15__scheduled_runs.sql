-- One row per execution of a scheduled job (forecast runs, warning reminders) and the node that ran it: the
-- evidence that the clustered Quartz store fires each trigger on one node, and where to look when one failed.
-- A row left unfinished belongs to a node that died during the run; Quartz recovers the job on another node, which
-- adds its own row for the same fire time.
CREATE TABLE scheduled_run (
    id          bigserial   PRIMARY KEY,
    job         text        NOT NULL,
    fire_time   timestamptz NOT NULL,
    node        text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    outcome     text
);

CREATE INDEX scheduled_run_job_fire ON scheduled_run (job, fire_time DESC);
