-- Deployment: the model registry, endpoints, their history and the request log.

-- How a pipeline made a run's table from its source (the source's columns and the fitted
-- recipes on the way), so a registered model scores raw rows as the pipeline fed it.
ALTER TABLE run ADD COLUMN lineage TEXT NOT NULL DEFAULT '{}';

-- A named model; its versions are immutable once registered.
CREATE TABLE model (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  created_at  TEXT    NOT NULL
);

-- One registered version: the model's bytes (TrainedModel), the fitted recipes that made its
-- training data from the source data, the columns it expects, the hash of the data it was
-- trained on, its metrics and the decision threshold chosen from the project's cost matrix.
CREATE TABLE model_version (
  id                  INTEGER PRIMARY KEY,
  model_id            INTEGER NOT NULL REFERENCES model(id),
  version             INTEGER NOT NULL,
  run_id              INTEGER REFERENCES run(id),
  task                TEXT    NOT NULL,
  algorithm           TEXT    NOT NULL,
  target              TEXT    NOT NULL,
  model               BLOB    NOT NULL,
  recipes             TEXT    NOT NULL DEFAULT '[]',  -- JSON [{definition, state}], oldest first
  input_schema        TEXT    NOT NULL DEFAULT '[]',  -- JSON [{name, type}]
  training_data_hash  TEXT    NOT NULL DEFAULT '',
  metrics             TEXT    NOT NULL DEFAULT '{}',  -- JSON {split: {metric: value}}
  threshold           REAL,
  created_at          TEXT    NOT NULL,
  UNIQUE (model_id, version)
);

CREATE TRIGGER model_version_is_immutable BEFORE UPDATE ON model_version
BEGIN
  SELECT RAISE(ABORT, 'a registered model version cannot be changed');
END;

-- The alias a version carries now (none: no row). At most one production version per model.
CREATE TABLE model_alias (
  version_id  INTEGER PRIMARY KEY REFERENCES model_version(id),
  alias       TEXT    NOT NULL CHECK (alias IN ('candidate', 'production', 'archived'))
);

-- Every move of an alias, with its time and reason.
CREATE TABLE model_alias_event (
  id          INTEGER PRIMARY KEY,
  version_id  INTEGER NOT NULL REFERENCES model_version(id),
  from_alias  TEXT    NOT NULL DEFAULT '',
  to_alias    TEXT    NOT NULL DEFAULT '',
  reason      TEXT    NOT NULL DEFAULT '',
  at          TEXT    NOT NULL
);

-- An endpoint: a name, the token its clients send, and its settings (JSON: sampling rate, key
-- column, limits, canary policy).
CREATE TABLE endpoint (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE,
  token        TEXT    NOT NULL,
  settings     TEXT    NOT NULL DEFAULT '{}',
  created_at   TEXT    NOT NULL,
  modified_at  TEXT    NOT NULL
);

-- The model versions an endpoint serves and their share of traffic (weights sum to 1).
CREATE TABLE endpoint_variant (
  endpoint_id       INTEGER NOT NULL REFERENCES endpoint(id),
  name              TEXT    NOT NULL,
  model_version_id  INTEGER NOT NULL REFERENCES model_version(id),
  weight            REAL    NOT NULL CHECK (weight >= 0 AND weight <= 1),
  role              TEXT    NOT NULL DEFAULT 'variant' CHECK (role IN ('variant', 'canary')),
  PRIMARY KEY (endpoint_id, name)
);

-- Every change to an endpoint (created, weights, canary step, rollback, server start/stop).
CREATE TABLE endpoint_event (
  id           INTEGER PRIMARY KEY,
  endpoint_id  INTEGER NOT NULL REFERENCES endpoint(id),
  kind         TEXT    NOT NULL,
  detail       TEXT    NOT NULL DEFAULT '{}',
  reason       TEXT    NOT NULL DEFAULT '',
  at           TEXT    NOT NULL
);

-- One answered request per variant it went to: counts and latency always; its inputs and
-- outputs (JSON) only for the sampled share.
CREATE TABLE request_log (
  id           INTEGER PRIMARY KEY,
  endpoint_id  INTEGER NOT NULL REFERENCES endpoint(id),
  variant      TEXT    NOT NULL,
  at           TEXT    NOT NULL,
  status       INTEGER NOT NULL,
  latency_ms   REAL    NOT NULL,
  rows         INTEGER NOT NULL DEFAULT 0,
  input        TEXT,
  output       TEXT
);
CREATE INDEX request_log_by_endpoint ON request_log(endpoint_id, variant, at);
