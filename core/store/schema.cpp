// The schema, as migrations: migration k brings a file from version k-1 to version k. A file is
// created by running them all; an older file runs the ones it lacks.
#include "store/schema.h"

namespace unveil::store {

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> m = {
      // 0 -> 1: the first schema.
      R"SQL(
CREATE TABLE datasets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  root TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE dataset_problems(
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  file TEXT NOT NULL, location TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE items(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  split TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  question TEXT NOT NULL DEFAULT '',
  hint TEXT NOT NULL DEFAULT '',
  options TEXT NOT NULL,
  answer INTEGER NOT NULL,
  idk_index INTEGER NOT NULL,
  image_kind INTEGER NOT NULL DEFAULT 0,
  image_path TEXT,
  image_bytes BLOB,
  source_file TEXT,
  source_line INTEGER,
  UNIQUE(dataset_id, key));
CREATE INDEX items_by_split ON items(dataset_id, split);
CREATE TABLE models(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  card TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  model_id INTEGER REFERENCES models(id),
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  split TEXT NOT NULL DEFAULT '',
  prompt TEXT NOT NULL DEFAULT '',
  condition TEXT NOT NULL DEFAULT 'image',
  device TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL,
  owner_pid INTEGER,
  expected INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  finished_at TEXT);
CREATE TABLE predictions(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id),
  label INTEGER NOT NULL,
  score_kind INTEGER NOT NULL DEFAULT 0,
  logits BLOB NOT NULL,
  answer INTEGER NOT NULL,
  conf_vocab REAL,
  conf_options REAL NOT NULL,
  correct INTEGER NOT NULL,
  latency_ms REAL,
  PRIMARY KEY(run_id, item_id)) WITHOUT ROWID;
CREATE TABLE calibrations(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  params TEXT NOT NULL,
  fit_split TEXT NOT NULL DEFAULT '',
  fit_run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  nll_before REAL,
  nll_after REAL,
  created_at TEXT NOT NULL);
)SQL",
      // 1 -> 2: cached headline metrics per run, and prompt searches.
      R"SQL(
ALTER TABLE runs ADD COLUMN summary TEXT NOT NULL DEFAULT '';
CREATE TABLE prompt_searches(
  id INTEGER PRIMARY KEY,
  model_id INTEGER REFERENCES models(id),
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  split TEXT NOT NULL,
  settings TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE prompt_search_entries(
  search_id INTEGER NOT NULL REFERENCES prompt_searches(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  prompt TEXT NOT NULL,
  accuracy REAL NOT NULL,
  ece REAL NOT NULL,
  kept INTEGER NOT NULL DEFAULT 0);
)SQL",
      // 2 -> 3: the unknown keys of imported predictions, kept for export (docs/FORMATS.md).
      R"SQL(
ALTER TABLE predictions ADD COLUMN extra TEXT NOT NULL DEFAULT '';
)SQL",
      // 3 -> 4: what a prompt search needs beyond version 2's tables: when it ended and
      // which process runs it (a search of a dead process reads as interrupted), and per scored
      // prompt the run that scored it, the prompt it was derived from, its item count and the last
      // round it was among the kept prompts.
      R"SQL(
ALTER TABLE prompt_searches ADD COLUMN finished_at TEXT;
ALTER TABLE prompt_searches ADD COLUMN owner_pid INTEGER;
ALTER TABLE prompt_search_entries ADD COLUMN run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL;
ALTER TABLE prompt_search_entries ADD COLUMN parent TEXT NOT NULL DEFAULT '';
ALTER TABLE prompt_search_entries ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
ALTER TABLE prompt_search_entries ADD COLUMN kept_through INTEGER NOT NULL DEFAULT 0;
CREATE INDEX prompt_search_entries_by_search ON prompt_search_entries(search_id);
)SQL",
      // 4 -> 5: the whole vocabulary's logits of a prediction's answer step (float64, for
      // vocabularies of up to 8,192 tokens), so that the study's full-vocabulary temperature can
      // be fitted on a stored run (docs/METRICS.md). NULL when not known. The cached headline
      // metrics are cleared: older versions scored unanswered items by the argmax of their
      // logits, so every cached figure is recomputed from the stored answers.
      R"SQL(
ALTER TABLE predictions ADD COLUMN vocab_logits BLOB;
UPDATE runs SET summary = '';
)SQL",
      // 5 -> 6: an index of the predictions by run. The predictions table keeps its rows (logits
      // and all) in its primary key's tree, so counting a run's predictions, which every run list
      // does, read every page of the run (7.5 MB for the demo project); the index holds only the
      // run ids and makes the count a read of a few pages.
      R"SQL(
CREATE INDEX predictions_by_run ON predictions(run_id);
)SQL",
  };
  return m;
}

}  // namespace unveil::store
