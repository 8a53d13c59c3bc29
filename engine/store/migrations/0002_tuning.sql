-- A hyperparameter tuning (or an AutoML search): what it searches and how, as JSON, so an
-- interrupted one resumes from the project. Its trials are runs tagged "tuning:<id>".
CREATE TABLE tuning (
  id                  INTEGER PRIMARY KEY,
  name                TEXT    NOT NULL,
  algorithm           TEXT    NOT NULL,              -- "automl" for a search over algorithms
  target              TEXT    NOT NULL,
  dataset_version_id  INTEGER REFERENCES dataset_version(id),
  request             TEXT    NOT NULL DEFAULT '{}', -- JSON: space, strategy, objective, budgets, seed
  status              TEXT    NOT NULL DEFAULT 'running'
                              CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
  best_run_id         INTEGER REFERENCES run(id),
  created_at          TEXT    NOT NULL,
  modified_at         TEXT    NOT NULL
);
