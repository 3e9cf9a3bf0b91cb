// `unveil-cli serve`: a TorchScript model of the contract (core/model/torch_backend.h) served
// through the subset of the OpenAI API that Unveil's own endpoint backend (openai_backend.h) and
// other OpenAI clients use:
//
//   GET  /v1/models, /v1/models/{id}   the one model, under its served name
//   POST /v1/chat/completions          greedy decoding with per-token logprobs
//
// A completion request is read as the endpoint backend writes it (openai_protocol.h): the last
// "user" message is the prompt (earlier messages are ignored: the contract's models have no chat
// template); its content is a string, or a list of "text" parts and at most one "image_url" part,
// concatenated with "<image>\n" where the image stands, so that the prompt the direct backend
// renders is reproduced byte for byte. Images come as data URLs only (PNG, JPEG, WebP, BMP; an
// http(s) URL is refused), decoded under data::decode_image's limits; a text-only model refuses
// them. "max_tokens" or "max_completion_tokens" (default: the card's max_new_tokens; at most
// model::kMaxNewTokens), "logprobs" and "top_logprobs" from 0 to the vocabulary's size (more than
// OpenAI's 20, on purpose: with the whole vocabulary an endpoint run reads every option letter's
// exact log-probability, none a bound) are honoured; "temperature" other than 0, "n" other than 1
// and "stream": true are refused; other fields are ignored. Errors are OpenAI's error objects
// ({"error": {"message", "type", "param", "code"}}) with 400, 404 (an unknown model:
// "model_not_found"), 405, 413 (a body over max_request_bytes) or 500.
//
// Concurrent requests are run together, up to `max_batch` at a time, by one worker that schedules
// at every generated token. HTTP through cpp-httplib, which stays inside the .cpp file. There is
// no authentication: it listens on 127.0.0.1 unless told otherwise.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "model/backend.h"
#include "util/result.h"

namespace unveil::model {
class TorchBackend;
}

namespace unveil::serve {

/// The largest request body taken (an image as a data URL with its prompt); larger: HTTP 413.
inline constexpr std::size_t kMaxRequestBytes = std::size_t{32} << 20;
/// The most requests one batch may hold (--max-batch).
inline constexpr int kMaxBatchLimit = 256;

struct ServerOptions {
  std::string host = "127.0.0.1";  ///< an address of this machine, or a name that resolves to one
  int port = 8000;                 ///< 0: a free port, chosen when bound
  std::string served_model_name;   ///< the model id clients name; empty: the card's name
  int max_batch = 16;              ///< requests in progress together at most
  /// How long a request that finds the worker idle waits for others to join its first step.
  double batch_wait_ms = 2;
  std::size_t max_request_bytes = kMaxRequestBytes;
  int http_threads = 0;  ///< connections served at once; 0: 4 x max_batch, at least 16
};

/// The model of a card, to be served: the card is read and its TorchScript model loaded on
/// `device`. An endpoint card ("backend": "openai") is refused: it names a server already.
Result<std::shared_ptr<const model::TorchBackend>> load_served_model(
    const std::filesystem::path& card_json, model::DeviceChoice device);

/// True when `host` names only this machine ("127.0.0.1", "::1", "localhost", 127.x.y.z).
bool is_loopback_host(std::string_view host);

/// One HTTP reply (status and JSON body), for tests that call the handlers without sockets.
struct Reply {
  int status = 200;
  std::string body;
};

class OpenAiServer {
 public:
  /// Binds host:port (so that a port in use or an address that is not this machine's is an
  /// error here, with a message saying which) and starts the batching worker. Serves nothing
  /// until run().
  static Result<std::unique_ptr<OpenAiServer>> create(
      std::shared_ptr<const model::TorchBackend> model, const ServerOptions& options);
  ~OpenAiServer();
  OpenAiServer(const OpenAiServer&) = delete;
  OpenAiServer& operator=(const OpenAiServer&) = delete;

  const std::string& model_name() const;
  /// The port bound (the one chosen for port 0).
  int port() const;
  /// The API's root, "http://127.0.0.1:8000/v1" (an IPv6 address in brackets).
  std::string base_url() const;

  /// Serves until stop() is called or `*stop_flag` becomes true (polled every 20 ms; a signal
  /// handler may set it); requests in progress are finished first. Ignores SIGPIPE for the whole
  /// process (a client that hangs up must not end the server). Call once.
  Status run(const std::atomic<bool>* stop_flag = nullptr);
  /// Ends run() soon; callable from any thread (not from a signal handler: use the flag).
  void stop();

  /// The handlers themselves, without HTTP: the body of POST /v1/chat/completions and of GET
  /// /v1/models. chat() blocks until the worker has run the request.
  Reply chat(std::string_view body);
  Reply models() const;

  /// Requests answered by the worker so far; the generation steps it ran (one forward pass of
  /// the model each); and the rows of those steps (a step's rows: the requests it advanced by
  /// one token). rows_run() / steps_run() is the mean batch.
  std::size_t requests_run() const;
  std::size_t steps_run() const;
  std::size_t rows_run() const;

 private:
  OpenAiServer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unveil::serve
