// unveil: the workbench's window. Everything but the start-up lives in unveil_ui.
#include <algorithm>
#include <thread>

#include "model/torch_model.h"
#include "startup/unveil_app.h"
#include "util/parallel.h"

int main(int argc, char* argv[]) {
  // Core's worker count and libtorch's threads (Debian's libtorch starts with one) are set once,
  // before any analysis or model runs — as unveil-cli does, so that both train and run the
  // demo models alike.
  const int threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  unveil::set_worker_threads(threads);
  unveil::model::init_torch_threads(threads);
  return unveil::ui::runUnveil(argc, argv);
}
