-- Lathe project schema, version 1. Applied in one transaction by Migrations; never edit a
-- migration that has shipped: add the next numbered file instead. docs/project-file.md draws it.

-- The project itself: exactly one row.
CREATE TABLE project (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  name             TEXT    NOT NULL,
  description      TEXT    NOT NULL DEFAULT '',
  goal             TEXT    NOT NULL DEFAULT '',      -- the business goal, in words
  kpi_metric       TEXT    NOT NULL DEFAULT '',      -- a metric name as scikit-learn spells it
  kpi_direction    TEXT    NOT NULL DEFAULT 'maximize' CHECK (kpi_direction IN ('maximize', 'minimize')),
  kpi_target       REAL,                             -- NULL: no target yet
  -- The value of each outcome of a binary decision (a cost is negative); NULL: not set.
  value_tp         REAL,
  value_fp         REAL,
  value_fn         REAL,
  value_tn         REAL,
  created_at       TEXT    NOT NULL,                 -- ISO 8601 UTC
  modified_at      TEXT    NOT NULL
);

-- A named dataset; its data lives in its versions.
CREATE TABLE dataset (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0            -- 1: deleted by the user (undo clears it)
);

-- A recipe: an ordered list of transform steps, stored as the engine's JSON.
CREATE TABLE recipe (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  definition  TEXT    NOT NULL,                     -- JSON
  hash        TEXT    NOT NULL,                     -- SHA-256 of the canonical definition
  created_at  TEXT    NOT NULL,
  modified_at TEXT    NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0
);

-- One immutable version of a dataset. An imported one has a source; a derived one has a parent
-- version and the recipe that made it from that parent (its lineage).
CREATE TABLE dataset_version (
  id                 INTEGER PRIMARY KEY,
  dataset_id         INTEGER NOT NULL REFERENCES dataset(id),
  version            INTEGER NOT NULL,              -- 1, 2, ... within the dataset
  parent_version_id  INTEGER REFERENCES dataset_version(id),
  recipe_id          INTEGER REFERENCES recipe(id),
  recipe_hash        TEXT,
  source_path        TEXT    NOT NULL DEFAULT '',
  import_options     TEXT    NOT NULL DEFAULT '{}', -- JSON
  content_hash       TEXT    NOT NULL,              -- SHA-256 over each column's name and encoded bytes
  row_count          INTEGER NOT NULL,
  column_count       INTEGER NOT NULL,
  stored_bytes       INTEGER NOT NULL DEFAULT 0,    -- compressed size of all chunks
  created_at         TEXT    NOT NULL,
  UNIQUE (dataset_id, version)
);

-- A column of a dataset version: its schema, and how its values are stored.
CREATE TABLE dataset_column (
  version_id     INTEGER NOT NULL REFERENCES dataset_version(id),
  position       INTEGER NOT NULL,                  -- 0-based
  name           TEXT    NOT NULL,
  type           TEXT    NOT NULL CHECK (type IN ('float64', 'int64', 'bool', 'categorical', 'text', 'datetime')),
  missing_count  INTEGER NOT NULL,
  raw_bytes      INTEGER NOT NULL,                  -- uncompressed size of the encoded column
  stored_bytes   INTEGER NOT NULL,
  PRIMARY KEY (version_id, position)
) WITHOUT ROWID;

-- The encoded column, cut into zstd-compressed chunks so no blob nears SQLite's size limit and
-- one column loads without touching the others.
CREATE TABLE column_chunk (
  version_id  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  chunk       INTEGER NOT NULL,                     -- 0, 1, ... in order
  raw_bytes   INTEGER NOT NULL,
  data        BLOB    NOT NULL,
  PRIMARY KEY (version_id, position, chunk),
  FOREIGN KEY (version_id, position) REFERENCES dataset_column(version_id, position)
);

CREATE TABLE pipeline (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  definition  TEXT    NOT NULL,                     -- JSON
  created_at  TEXT    NOT NULL,
  modified_at TEXT    NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0
);

-- An experiment run: one training, with everything needed to judge and reproduce it.
CREATE TABLE run (
  id                  INTEGER PRIMARY KEY,
  name                TEXT    NOT NULL,
  algorithm           TEXT    NOT NULL,
  task                TEXT    NOT NULL DEFAULT '',  -- binary, multiclass, regression, clustering
  status              TEXT    NOT NULL DEFAULT 'finished'
                              CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
  dataset_version_id  INTEGER REFERENCES dataset_version(id),
  recipe_hash         TEXT    NOT NULL DEFAULT '',
  target              TEXT    NOT NULL DEFAULT '',
  seed                INTEGER,
  validation          TEXT    NOT NULL DEFAULT '{}', -- JSON: the validation scheme
  parameters          TEXT    NOT NULL DEFAULT '{}', -- JSON object of hyperparameters
  timings             TEXT    NOT NULL DEFAULT '{}', -- JSON object: phase -> seconds
  feature_importances TEXT    NOT NULL DEFAULT '[]', -- JSON array of {"feature", "importance"}
  started_at          TEXT    NOT NULL,
  duration_seconds    REAL    NOT NULL DEFAULT 0,
  notes               TEXT    NOT NULL DEFAULT '',
  candidate           INTEGER NOT NULL DEFAULT 0,
  deleted             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX run_by_dataset ON run(dataset_version_id);

CREATE TABLE run_metric (
  run_id  INTEGER NOT NULL REFERENCES run(id),
  split   TEXT    NOT NULL,                         -- train, validation, test, cv
  name    TEXT    NOT NULL,                         -- as scikit-learn spells it
  value   REAL,
  PRIMARY KEY (run_id, split, name)
) WITHOUT ROWID;

-- Curves (roc, pr, learning, training) as JSON: {"x": [...], "y": [...], "thresholds": [...]}.
CREATE TABLE run_curve (
  run_id  INTEGER NOT NULL REFERENCES run(id),
  kind    TEXT    NOT NULL,
  split   TEXT    NOT NULL,
  label   TEXT    NOT NULL DEFAULT '',              -- the class, for one-vs-rest curves
  points  TEXT    NOT NULL,
  PRIMARY KEY (run_id, kind, split, label)
) WITHOUT ROWID;

CREATE TABLE run_confusion (
  run_id  INTEGER NOT NULL REFERENCES run(id),
  split   TEXT    NOT NULL,
  labels  TEXT    NOT NULL,                         -- JSON array of class labels
  counts  TEXT    NOT NULL,                         -- JSON array of rows (actual) of counts (predicted)
  PRIMARY KEY (run_id, split)
) WITHOUT ROWID;

CREATE TABLE run_tag (
  run_id  INTEGER NOT NULL REFERENCES run(id),
  tag     TEXT    NOT NULL,
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;

-- A trained model, zstd-compressed, in its own format (data only, never code).
CREATE TABLE model_artifact (
  run_id      INTEGER PRIMARY KEY REFERENCES run(id),
  format      TEXT    NOT NULL,
  raw_bytes   INTEGER NOT NULL,
  sha256      TEXT    NOT NULL,
  data        BLOB    NOT NULL
);

-- What the window showed last (the dataset in view, the canvas position), so reopening a
-- project restores it. Keys and JSON values belong to the app.
CREATE TABLE view_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
