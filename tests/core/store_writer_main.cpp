// A real writer process for the crash tests: writes predictions for every item of a dataset into
// a run, in batches, slowly enough to be killed mid-run; resumes a run when given one.
//   store_writer FILE RUN_ID BATCH DELAY_US
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <set>

#include "store/store.h"

using namespace unveil::store;

int main(int argc, char** argv) {
  if (argc != 5) return 2;
  const std::string file = argv[1];
  const std::int64_t run_id = std::atoll(argv[2]);
  const std::size_t batch = static_cast<std::size_t>(std::atoll(argv[3]));
  const int delay_us = std::atoi(argv[4]);
  auto st = Store::open(file, OpenMode::kOpenExisting);
  if (!st) {
    std::fprintf(stderr, "%s\n", st.error().message.c_str());
    return 1;
  }
  auto run = st->run(run_id);
  auto ids = st->item_ids(run->spec.dataset_id, run->spec.split);
  auto done = st->predicted_items(run_id);
  const std::set<std::int64_t> skip(done->begin(), done->end());
  auto w = PredictionWriter::open(file, run_id, batch);
  if (!w) {
    std::fprintf(stderr, "%s\n", w.error().message.c_str());
    return 1;
  }
  PredictionRecord p;
  for (std::int64_t id : *ids) {
    if (skip.count(id)) continue;
    p.item_id = id;
    p.label = static_cast<int>(id % 5);
    p.logits = {0.1 * static_cast<double>(id % 7), 0.2, 0.3, -0.1, 0.0};
    p.answer = 2;
    p.conf_options = 0.3;
    p.correct = p.label == 2;
    if (!w->add(p)) return 1;
    if (delay_us > 0) ::usleep(static_cast<useconds_t>(delay_us));
  }
  if (!w->flush()) return 1;
  if (!st->set_run_status(run_id, RunStatus::kComplete)) return 1;
  return 0;
}
