// unveil-cli serve: a TorchScript model behind the OpenAI chat-completions API
// (core/serve/openai_server.h), until SIGINT or SIGTERM.
#include <atomic>
#include <csignal>
#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "model/torch_backend.h"
#include "serve/openai_server.h"

namespace unveil::cli {
namespace {

constexpr const char* kUsageText =
    "unveil-cli serve --model CARD.json [--host 127.0.0.1] [--port 8000] "
    "[--device cpu|cuda|auto] [--served-model-name NAME] [--max-batch 16]";

// Set by SIGINT and SIGTERM; the server polls it. A lock-free atomic is safe to store from a
// signal handler.
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_stop_signal(int /*signal*/) {
  g_stop.store(true);
}

// Installs the handlers for the lifetime of the object and restores the previous ones.
class StopSignals {
 public:
  StopSignals() {
    g_stop = false;
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

}  // namespace

int cmd_serve(std::span<const std::string> argv, Io io) {
  auto args = parse_args(
      argv, {"--model", "--host", "--port", "--device", "--served-model-name", "--max-batch"}, {});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (!a.positional.empty())
    return usage_error(io, "unexpected argument " + a.positional[0], kUsageText);
  if (!a.get("--model")) return usage_error(io, "serve needs --model CARD.json", kUsageText);
  serve::ServerOptions options;
  options.host = a.get("--host").value_or("127.0.0.1");
  if (options.host.empty()) return usage_error(io, "--host is empty", kUsageText);
  auto port = int_option(a, "--port", 8000, 0, 65535);
  if (!port) return usage_error(io, port.error().message, kUsageText);
  options.port = static_cast<int>(*port);
  auto batch = int_option(a, "--max-batch", 16, 1, serve::kMaxBatchLimit);
  if (!batch) return usage_error(io, batch.error().message, kUsageText);
  options.max_batch = static_cast<int>(*batch);
  options.served_model_name = a.get("--served-model-name").value_or("");
  if (a.get("--served-model-name") && options.served_model_name.empty())
    return usage_error(io, "--served-model-name is empty", kUsageText);
  model::DeviceChoice device = model::DeviceChoice::kAuto;
  if (const auto d = a.get("--device")) {
    auto dev = model::parse_device(*d);
    if (!dev) return usage_error(io, dev.error().message, kUsageText);
    device = *dev;
  }

  auto loaded = serve::load_served_model(*a.get("--model"), device);
  if (!loaded) return input_error(io, loaded.error().message);
  const std::string device_name = (*loaded)->device_name();
  auto server = serve::OpenAiServer::create(std::move(*loaded), options);
  if (!server) return input_error(io, server.error().message);
  serve::OpenAiServer& s = **server;

  // The first line is what scripts and tests read the URL from.
  io.out << "Serving " << s.model_name() << " on " << s.base_url() << std::endl;
  io.err << "model on " << device_name << "; up to " << options.max_batch
         << " requests run together\n";
  if (serve::is_loopback_host(options.host)) {
    io.err << "listening on " << options.host
           << " only: other machines cannot connect (--host 0.0.0.0 serves them; there is no "
              "authentication)\n";
  } else {
    io.err << "warning: listening on " << options.host
           << " without authentication: anyone who can reach this port can use the model\n";
  }
  io.err << "stop with Ctrl-C (SIGINT) or SIGTERM" << std::endl;

  StopSignals signals;
  auto ran = s.run(&g_stop);
  if (!ran) return input_error(io, ran.error().message);
  const double mean_batch =
      s.steps_run() ? static_cast<double>(s.rows_run()) / static_cast<double>(s.steps_run()) : 0;
  io.err << "stopped after " << s.requests_run() << " requests (" << mean_batch
         << " requests a step on average)" << std::endl;
  return kOk;
}

}  // namespace unveil::cli
