// unveil-cli: the headless command line. All the work lives in core/cli.
#include "cli/cli.h"

int main(int argc, char** argv) {
  return unveil::cli::run(argc, argv);
}
