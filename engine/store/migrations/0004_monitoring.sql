-- Monitoring: baselines and their constraints, schedules, every monitoring run, and retraining.

-- A baseline: the statistics of a model's training data and the constraints new data is checked
-- against (JSON monitor::Baseline), and, when made with a model, the model's own picture on that
-- data (JSON monitor::ModelBaseline: predictions, importances, metrics, bias).
CREATE TABLE monitor_baseline (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL UNIQUE,
  source          TEXT    NOT NULL,
  rows            INTEGER NOT NULL,
  statistics      TEXT    NOT NULL,
  model_baseline  TEXT    NOT NULL DEFAULT '{}',
  created_at      TEXT    NOT NULL,
  modified_at     TEXT    NOT NULL
);

-- A schedule: which baseline, which batch, which model, how often (JSON monitor::MonitorSchedule).
CREATE TABLE monitor_schedule (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE,
  baseline_id  INTEGER NOT NULL REFERENCES monitor_baseline(id),
  settings     TEXT    NOT NULL DEFAULT '{}',
  last_run_at  TEXT    NOT NULL DEFAULT '',
  created_at   TEXT    NOT NULL
);

-- One monitoring run: what it compared and what it found (JSON monitor::MonitorRunRecord), with
-- the counts lists and timelines need without parsing the report.
CREATE TABLE monitor_run (
  id           INTEGER PRIMARY KEY,
  schedule_id  INTEGER REFERENCES monitor_schedule(id),
  baseline_id  INTEGER NOT NULL REFERENCES monitor_baseline(id),
  at           TEXT    NOT NULL,
  source       TEXT    NOT NULL,
  rows         INTEGER NOT NULL,
  drifted      INTEGER NOT NULL,
  violations   INTEGER NOT NULL,
  alerts       INTEGER NOT NULL,
  report       TEXT    NOT NULL
);
CREATE INDEX monitor_run_by_schedule ON monitor_run(schedule_id, at);

-- The retraining loop: a retrained model against the live one on the same holdout (JSON
-- monitor::RetrainComparison), and the user's decision (promoted or kept) when it is made.
CREATE TABLE retraining (
  id              INTEGER PRIMARY KEY,
  schedule_id     INTEGER REFERENCES monitor_schedule(id),
  monitor_run_id  INTEGER REFERENCES monitor_run(id),
  run_id          INTEGER REFERENCES run(id),
  comparison      TEXT    NOT NULL,
  decision        TEXT    NOT NULL DEFAULT '' CHECK (decision IN ('', 'promoted', 'kept')),
  at              TEXT    NOT NULL,
  decided_at      TEXT    NOT NULL DEFAULT ''
);
