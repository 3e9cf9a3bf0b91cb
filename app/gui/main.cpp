// unveil: the workbench's window. Everything but the start-up lives in unveil_ui.
#include <algorithm>
#include <thread>

#include "app/unveil_app.h"
#include "util/parallel.h"

int main(int argc, char* argv[]) {
  // Core's worker count is set once, before any analysis runs.
  unveil::set_worker_threads(static_cast<int>(std::max(1U, std::thread::hardware_concurrency())));
  return unveil::ui::runUnveil(argc, argv);
}
