#include "serve/openai_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <ctime>
#include <deque>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "data/image.h"
#include "model/model_card.h"
#include "model/openai_protocol.h"
#include "model/sentencepiece_tokenizer.h"
#include "model/tokenizer.h"
#include "model/torch_backend.h"
#include "model/torch_model.h"
#include "util/base64.h"
#include "util/json_limits.h"
#include "util/sha256.h"

namespace unveil::serve {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using clock = std::chrono::steady_clock;

// vLLM's stand-in for a log-probability of minus infinity (JSON has no infinities).
constexpr double kMinLogprob = -9999.0;

// Tokens that end a generation when a vocabulary has them (SentencePiece's "</s>" and the like);
// the demo models' word-level vocabularies have none, so they always generate max_tokens.
constexpr const char* kStopTokens[] = {"</s>",       "<eos>",         "<|endoftext|>", "<|eot_id|>",
                                       "<|im_end|>", "<end_of_turn>", "<|end|>",       "<|eos|>"};

// A request refused: its HTTP status and OpenAI's error fields.
struct Refusal {
  int status = 400;
  std::string message;
  std::string param;  // "" -> null
  std::string code;   // "" -> null
  std::string type = "invalid_request_error";
};

std::string error_body(const Refusal& r) {
  ojson e;
  e["message"] = r.message;
  e["type"] = r.type;
  e["param"] = r.param.empty() ? ojson(nullptr) : ojson(r.param);
  e["code"] = r.code.empty() ? ojson(nullptr) : ojson(r.code);
  return ojson{{"error", e}}.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

Reply reply_of(const Refusal& r) {
  return {r.status, error_body(r)};
}

std::string type_for(int status) {
  if (status == 401) return "authentication_error";
  if (status == 404) return "not_found_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

// A JSON type's name for messages.
std::string kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list";
    default:
      return "nothing";
  }
}

// The member `key`, or null when absent.
const json& member(const json& object, const char* key) {
  static const json kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

// The bytes of a token's text, as OpenAI's `bytes`.
ojson bytes_of(const std::string& token) {
  ojson b = ojson::array();
  for (const char c : token)
    b.push_back(static_cast<int>(static_cast<unsigned char>(c)));
  return b;
}

double finite_logprob(double x) {
  return std::isfinite(x) ? x : kMinLogprob;
}

// The text of generated ids as the tokenizer would detokenise it: SentencePiece's decoder; for
// a word-level vocabulary the words separated by spaces, "<nl>" a line break, padding dropped.
std::string detokenise(const model::Tokenizer& tok, const std::vector<std::int64_t>& ids) {
  if (const auto* sp = dynamic_cast<const model::SentencePieceTokenizer*>(&tok)) {
    return sp->decode(ids);
  }
  std::string out;
  bool line_start = true;
  for (const std::int64_t id : ids) {
    if (id == model::WordTokenizer::kPad) continue;
    const std::string t = tok.token(id);
    if (t == "<nl>") {
      out += '\n';
      line_start = true;
      continue;
    }
    if (!line_start) out += ' ';
    out += t;
    line_start = false;
  }
  return out;
}

// What a data URL holds: its bytes, or a refusal.
struct DataUrl {
  std::string bytes;
};

Result<DataUrl> read_data_url(std::string_view url) {
  constexpr std::string_view kData = "data:";
  if (url.substr(0, kData.size()) != kData) {
    const auto colon = url.find(':');
    const std::string scheme =
        colon == std::string_view::npos ? std::string() : std::string(url.substr(0, colon));
    if (scheme == "http" || scheme == "https") {
      return Error{
          "this server takes images as data: URLs (\"data:image/png;base64,...\"); it does not "
          "fetch http(s) URLs"};
    }
    return Error{"this server takes images as data: URLs (\"data:image/png;base64,...\")"};
  }
  const auto comma = url.find(',');
  if (comma == std::string_view::npos)
    return Error{"the image's data URL has no ',' before its data"};
  std::string_view head = url.substr(kData.size(), comma - kData.size());
  constexpr std::string_view kBase64 = ";base64";
  if (head.size() < kBase64.size() || head.substr(head.size() - kBase64.size()) != kBase64) {
    return Error{"the image's data URL must be base64 (\"data:image/png;base64,...\")"};
  }
  head.remove_suffix(kBase64.size());
  // Parameters before ";base64" (";charset=...") are allowed and ignored.
  const std::string_view type = head.substr(0, head.find(';'));
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower != "image/png" && lower != "image/jpeg" && lower != "image/jpg" &&
      lower != "image/webp" && lower != "image/bmp") {
    return Error{"the image's data URL has the type \"" + std::string(type) +
                 "\"; this server reads image/png, image/jpeg, image/webp and image/bmp"};
  }
  auto bytes = base64_decode(url.substr(comma + 1), "the image's data URL");
  if (!bytes) return bytes.error();
  return DataUrl{std::move(*bytes)};
}

// An address to bind: the first of getaddrinfo's, or why there is none.
std::string bind_problem(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    return "cannot listen on \"" + host + "\": not an address or a host name that resolves (" +
           gai_strerror(rc) + ")";
  }
  std::string why = "cannot listen on " + host + ":" + service;
  int err = 0;
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) {
      err = errno;
      continue;
    }
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    const int rc = ::bind(fd, a->ai_addr, a->ai_addrlen);
    err = rc == 0 ? 0 : errno;
    if (rc == 0) err = ::listen(fd, 1) == 0 ? 0 : errno;
    ::close(fd);
    if (err == 0) break;
  }
  ::freeaddrinfo(found);
  if (err == EADDRINUSE) {
    return "port " + service + " on " + host +
           " is in use (another server is listening there): pick another with --port, or "
           "--port 0 for a free one";
  }
  if (err == EADDRNOTAVAIL) {
    return why + ": " + host +
           " is not an address of this machine (use 127.0.0.1, or 0.0.0.0 for every interface)";
  }
  if (err == EACCES) {
    return why + ": permission denied (ports below 1024 need privileges)";
  }
  if (err != 0) return why + ": " + std::strerror(err);
  return why;
}

// A request, read and checked: the model's input and what to generate.
struct ParsedChat {
  model::ModelInput input;
  model::GenerationLimits limits;
  bool logprobs = false;
};

}  // namespace

Result<std::shared_ptr<const model::TorchBackend>> load_served_model(
    const std::filesystem::path& card_json, model::DeviceChoice device) {
  auto card = model::read_model_card(card_json);
  if (!card) return card.error();
  if (card->backend != model::kBackendTorchScript) {
    return Error{
        card_json.string() + ": an endpoint card (\"backend\": \"" + card->backend +
        "\") names a server already; serve a card of a TorchScript model (docs/MODELS.md)"};
  }
  return model::TorchBackend::load(*card, device);
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "ip6-localhost") return true;
  const std::string h(host);
  in_addr v4{};
  if (::inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (::inet_pton(AF_INET6, h.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

struct OpenAiServer::Impl {
  std::shared_ptr<const model::TorchBackend> model;
  ServerOptions options;
  std::string name;
  std::string fingerprint;  // "fp_..." for system_fingerprint
  std::vector<std::int64_t> stop_ids;
  std::int64_t created = 0;
  int port = 0;
  int listen_fd = -1;  // the socket cpp-httplib listens on (it stays its to close)
  httplib::Server http;

  // Ids of completions: a per-process salt and a counter.
  std::uint64_t salt = 0;
  std::atomic<std::uint64_t> next_id{0};

  // The batching worker. It schedules at every generated token (as vLLM does): each step is one
  // generate() call of one token for every request in progress, and a request that arrives joins
  // the next step instead of waiting for a whole batch to finish. (The contract's models keep no
  // cache between steps: every step reads each prompt whole, so a step may mix requests at any
  // point of their generation, and each gets the tokens it would get alone.)
  struct Job {
    model::ModelInput input;  // the prompt, with the tokens generated so far appended
    model::GenerationLimits limits;
    model::Generation generation;
    clock::time_point queued;
    std::promise<Result<model::Generation>> done;
  };
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::shared_ptr<Job>> queue;
  std::size_t preparing = 0;  // requests received and being read, not yet queued
  bool closing = false;
  std::thread worker;
  std::atomic<std::size_t> requests{0}, steps{0}, rows{0};

  std::atomic<bool> stop_requested{false};
  std::atomic<bool> ran{false};

  void work() {
    const auto wait = std::chrono::duration_cast<clock::duration>(
        std::chrono::duration<double, std::milli>(std::max(0.0, options.batch_wait_ms)));
    const auto max_batch = static_cast<std::size_t>(std::max(1, options.max_batch));
    std::vector<std::shared_ptr<Job>> active;
    std::vector<model::ModelInput> inputs;  // active[k]'s input, moved here while it runs
    std::vector<model::GenerationLimits> limits;
    for (;;) {
      {
        std::unique_lock lock(mu);
        if (active.empty()) {
          cv.wait(lock, [&] { return closing || !queue.empty(); });
          // The first request waits a little for others being read to join it (not at all when
          // none is, or when it has been queued that long already).
          if (!closing) {
            const auto deadline = queue.front()->queued + wait;
            while (!closing && queue.size() < max_batch && preparing > 0 && clock::now() < deadline)
              cv.wait_until(lock, deadline);
          }
        }
        if (closing) break;
        while (!queue.empty() && active.size() < max_batch) {
          active.push_back(std::move(queue.front()));
          queue.pop_front();
          inputs.push_back(std::move(active.back()->input));
          limits.push_back({1, active.back()->limits.top_k});
        }
      }
      Result<std::vector<model::Generation>> out = Error{"not run"};
      try {
        out = model->torch().generate(inputs, limits);
      } catch (const std::exception& e) {
        out = Error{std::string("inference failed: ") + e.what()};
      }
      ++steps;
      rows += active.size();
      if (!out || out->size() != active.size()) {
        const Error e = out ? Error{"inference returned too few results"} : out.error();
        requests += active.size();  // counted before the answers leave
        for (auto& j : active)
          j->done.set_value(e);
        active.clear();
        inputs.clear();
        limits.clear();
        continue;
      }
      // Each request's step; the finished ones are answered and leave (the last one takes the
      // place of each).
      for (std::size_t k = active.size(); k-- > 0;) {
        Job& j = *active[k];
        model::GenerationStep& st = (*out)[k].steps.front();
        const std::int64_t id = st.id;
        j.generation.steps.push_back(std::move(st));
        const bool stop = std::find(stop_ids.begin(), stop_ids.end(), id) != stop_ids.end();
        if (!stop && static_cast<int>(j.generation.steps.size()) < j.limits.max_tokens) {
          inputs[k].ids.push_back(id);
          continue;
        }
        j.generation.stopped = stop;
        ++requests;  // counted before the answer leaves
        j.done.set_value(std::move(j.generation));
        if (k + 1 != active.size()) {
          active[k] = std::move(active.back());
          inputs[k] = std::move(inputs.back());
          limits[k] = limits.back();
        }
        active.pop_back();
        inputs.pop_back();
        limits.pop_back();
      }
    }
    // Closing: what is queued or in progress is not finished.
    std::lock_guard lock(mu);
    for (auto& j : active)
      j->done.set_value(Error{"the server is shutting down"});
    for (auto& j : queue)
      j->done.set_value(Error{"the server is shutting down"});
    queue.clear();
  }

  // A request from the moment its body is read until it is queued (or refused): the worker
  // waits for such requests to join its first step.
  class Arrival {
   public:
    explicit Arrival(Impl& m) : m_(m) {
      std::lock_guard lock(m_.mu);
      ++m_.preparing;
    }
    ~Arrival() {
      if (queued_) return;
      {
        std::lock_guard lock(m_.mu);
        --m_.preparing;
      }
      m_.cv.notify_one();
    }
    Arrival(const Arrival&) = delete;
    Arrival& operator=(const Arrival&) = delete;
    void queued() { queued_ = true; }  // under m.mu

   private:
    Impl& m_;
    bool queued_ = false;
  };

  Result<model::Generation> submit(Arrival& arrival, model::ModelInput input,
                                   model::GenerationLimits limits) {
    auto job = std::make_shared<Job>();
    job->input = std::move(input);
    job->limits = limits;
    auto future = job->done.get_future();
    {
      std::lock_guard lock(mu);
      if (closing) return Error{"the server is shutting down"};
      job->queued = clock::now();
      queue.push_back(std::move(job));
      --preparing;
      arrival.queued();
    }
    cv.notify_one();
    return future.get();
  }

  std::string completion_id() {
    const std::uint64_t n = next_id.fetch_add(1);
    return "chatcmpl-" + sha256_hex(std::to_string(salt) + ":" + std::to_string(n)).substr(0, 29);
  }

  // The request's prompt and image, read as the endpoint backend (openai_protocol.h) writes them.
  std::optional<Refusal> parse(const json& j, ParsedChat& out) const {
    if (!j.is_object()) return Refusal{400, "the request body must be a JSON object", "", ""};
    // The model.
    const json& m = member(j, "model");
    if (m.is_null()) {
      return Refusal{400,
                     "you must provide a model parameter (this server serves \"" + name + "\")",
                     "model", ""};
    }
    if (!m.is_string()) {
      return Refusal{400, "\"model\" must be a string, found " + kind_of(m), "model", ""};
    }
    if (m.get_ref<const std::string&>() != name) {
      return Refusal{404,
                     "The model `" + m.get<std::string>() +
                         "` does not exist. This server serves \"" + name + "\".",
                     "model", "model_not_found"};
    }
    // Sampling: greedy, one choice, no streaming.
    if (const json& t = member(j, "temperature"); !t.is_null()) {
      if (!t.is_number()) {
        return Refusal{400, "\"temperature\" must be a number, found " + kind_of(t), "temperature",
                       ""};
      }
      if (t.get<double>() != 0.0) {
        return Refusal{
            400,
            "greedy decoding only: \"temperature\" must be 0 or absent (found " + t.dump() + ")",
            "temperature", ""};
      }
    }
    if (const json& n = member(j, "n"); !n.is_null()) {
      if (!n.is_number_integer() || n.get<std::int64_t>() != 1) {
        return Refusal{400,
                       "\"n\" must be 1 or absent: one choice per request (found " + n.dump() + ")",
                       "n", ""};
      }
    }
    if (const json& s = member(j, "stream"); !s.is_null()) {
      if (!s.is_boolean()) {
        return Refusal{400, "\"stream\" must be a boolean, found " + kind_of(s), "stream", ""};
      }
      if (s.get<bool>()) {
        return Refusal{400, "streaming is not supported: send \"stream\": false or leave it out",
                       "stream", ""};
      }
    }
    // Lengths and log-probabilities.
    const model::ModelCard& card = model->card();
    int max_tokens = std::min(card.max_new_tokens, model::kMaxNewTokens);
    for (const char* key : {"max_tokens", "max_completion_tokens"}) {
      const json& v = member(j, key);
      if (v.is_null()) continue;
      if (!v.is_number_integer() || v.get<std::int64_t>() < 1 ||
          v.get<std::int64_t>() > model::kMaxNewTokens) {
        return Refusal{400,
                       "\"" + std::string(key) + "\" must be a whole number from 1 to " +
                           std::to_string(model::kMaxNewTokens) + ", found " + v.dump(),
                       key, ""};
      }
      max_tokens = static_cast<int>(v.get<std::int64_t>());  // max_completion_tokens wins
    }
    const json& lp = member(j, "logprobs");
    if (!lp.is_null() && !lp.is_boolean()) {
      return Refusal{400, "\"logprobs\" must be a boolean, found " + kind_of(lp), "logprobs", ""};
    }
    out.logprobs = lp.is_boolean() && lp.get<bool>();
    int top = 0;
    const auto vocab = static_cast<std::int64_t>(model->tokenizer().size());
    if (const json& t = member(j, "top_logprobs"); !t.is_null()) {
      if (!t.is_number_integer() || t.get<std::int64_t>() < 0 || t.get<std::int64_t>() > vocab) {
        return Refusal{400,
                       "\"top_logprobs\" must be a whole number from 0 to " +
                           std::to_string(vocab) + " (the vocabulary's size), found " + t.dump(),
                       "top_logprobs", ""};
      }
      top = static_cast<int>(t.get<std::int64_t>());
      if (top > 0 && !out.logprobs) {
        return Refusal{400, "\"top_logprobs\" needs \"logprobs\": true", "top_logprobs", ""};
      }
    }
    out.limits = {max_tokens, out.logprobs ? top : 0};

    // The last user message.
    const json& messages = member(j, "messages");
    if (!messages.is_array() || messages.empty()) {
      return Refusal{400, "\"messages\" must be a non-empty list of messages", "messages", ""};
    }
    const json* user = nullptr;
    for (std::size_t i = messages.size(); i-- > 0;) {
      const json& msg = messages[i];
      if (!msg.is_object()) {
        return Refusal{
            400, "messages[" + std::to_string(i) + "] must be an object, found " + kind_of(msg),
            "messages", ""};
      }
      if (member(msg, "role") == "user") {
        user = &msg;
        break;
      }
    }
    if (user == nullptr) {
      return Refusal{400, "\"messages\" holds no message with the role \"user\"", "messages", ""};
    }
    std::string prompt;
    std::optional<data::RgbImage> image;
    const json& content = member(*user, "content");
    if (content.is_string()) {
      prompt = content.get<std::string>();
    } else if (content.is_array()) {
      for (std::size_t i = 0; i < content.size(); ++i) {
        const json& part = content[i];
        const std::string where = "content[" + std::to_string(i) + "]";
        if (!part.is_object()) {
          return Refusal{400, where + " must be an object, found " + kind_of(part), "messages", ""};
        }
        const json& type = member(part, "type");
        if (type == "text") {
          const json& text = member(part, "text");
          if (!text.is_string()) {
            return Refusal{400, where + ".text must be a string, found " + kind_of(text),
                           "messages", ""};
          }
          prompt += text.get_ref<const std::string&>();
        } else if (type == "image_url") {
          if (!card.image) {
            return Refusal{400,
                           "the model \"" + name +
                               "\" is text-only (its card's modalities have no \"image\"): send "
                               "the request without an image",
                           "messages", ""};
          }
          if (image) {
            return Refusal{400, "one image per request: " + where + " is a second image",
                           "messages", ""};
          }
          const json& iu = member(part, "image_url");
          const json& url = iu.is_object() ? member(iu, "url") : iu;
          if (!url.is_string()) {
            return Refusal{400, where + ".image_url.url must be a string, found " + kind_of(url),
                           "messages", ""};
          }
          auto data = read_data_url(url.get_ref<const std::string&>());
          if (!data) return Refusal{400, data.error().message, "messages", ""};
          auto img = data::decode_image(data->bytes, "the request's image");
          if (!img) return Refusal{400, img.error().message, "messages", ""};
          image = std::move(*img);
          // Where the image stands, as the client's prompt had it (model::openai::content_parts).
          prompt += model::openai::kImageMarker;
        } else {
          return Refusal{400,
                         where + " has the type " + type.dump() +
                             "; this server reads \"text\" and \"image_url\" parts",
                         "messages", ""};
        }
      }
    } else {
      return Refusal{400,
                     "the user message's content must be a string or a list of parts, found " +
                         kind_of(content),
                     "messages", ""};
    }
    auto in = model->prepare_prompt(prompt, image ? &*image : nullptr, "");
    if (!in) return Refusal{400, in.error().message, "messages", ""};
    out.input = std::move(*in);
    return std::nullopt;
  }

  Reply chat(std::string_view body) {
    try {
      if (body.size() > options.max_request_bytes) {
        return reply_of({413,
                         "the request body is " + std::to_string(body.size()) +
                             " bytes; this server takes at most " +
                             std::to_string(options.max_request_bytes),
                         "", "request_too_large"});
      }
      if (const auto at = json_too_deep_at(body); at != std::string_view::npos) {
        return reply_of(
            {400, "the request body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels",
             "", ""});
      }
      Arrival arrival(*this);
      const json j = json::parse(body.begin(), body.end(), nullptr, false);
      if (j.is_discarded()) {
        return reply_of({400, "the request body is not valid JSON", "", ""});
      }
      ParsedChat p;
      if (auto refused = parse(j, p)) return reply_of(*refused);
      const std::size_t prompt_tokens = p.input.ids.size();
      auto g = submit(arrival, std::move(p.input), p.limits);
      if (!g) {
        const bool closing_now = g.error().message == "the server is shutting down";
        return reply_of({closing_now ? 503 : 500, g.error().message, "", "", "server_error"});
      }
      return {200, completion(*g, p, prompt_tokens)};
    } catch (const std::exception& e) {
      return reply_of({500, std::string("internal error: ") + e.what(), "", "", "server_error"});
    }
  }

  std::string completion(const model::Generation& g, const ParsedChat& p,
                         std::size_t prompt_tokens) {
    const model::Tokenizer& tok = model->tokenizer();
    std::vector<std::int64_t> ids;
    for (const auto& s : g.steps)
      ids.push_back(s.id);
    if (g.stopped && !ids.empty()) ids.pop_back();  // the stop token is not part of the text
    ojson choice;
    choice["index"] = 0;
    choice["message"] = {
        {"role", "assistant"}, {"content", detokenise(tok, ids)}, {"refusal", nullptr}};
    if (p.logprobs) {
      ojson content = ojson::array();
      for (const auto& s : g.steps) {
        const std::string t = tok.token(s.id);
        ojson top = ojson::array();
        for (const auto& [id, lp] : s.top) {
          const std::string tt = tok.token(id);
          top.push_back({{"token", tt}, {"logprob", finite_logprob(lp)}, {"bytes", bytes_of(tt)}});
        }
        content.push_back({{"token", t},
                           {"logprob", finite_logprob(s.logprob)},
                           {"bytes", bytes_of(t)},
                           {"top_logprobs", std::move(top)}});
      }
      choice["logprobs"] = {{"content", std::move(content)}, {"refusal", nullptr}};
    } else {
      choice["logprobs"] = nullptr;
    }
    choice["finish_reason"] = g.stopped ? "stop" : "length";
    ojson r;
    r["id"] = completion_id();
    r["object"] = "chat.completion";
    r["created"] = static_cast<std::int64_t>(std::time(nullptr));
    r["model"] = name;
    r["system_fingerprint"] = fingerprint;
    r["choices"] = ojson::array({std::move(choice)});
    r["usage"] = {{"prompt_tokens", prompt_tokens},
                  {"completion_tokens", g.steps.size()},
                  {"total_tokens", prompt_tokens + g.steps.size()}};
    return r.dump(-1, ' ', false, ojson::error_handler_t::replace);
  }

  ojson model_object() const {
    return {{"id", name}, {"object", "model"}, {"created", created}, {"owned_by", "unveil"}};
  }

  Reply models() const {
    ojson r = {{"object", "list"}, {"data", ojson::array({model_object()})}};
    return {200, r.dump(-1, ' ', false, ojson::error_handler_t::replace)};
  }

  void routes() {
    const auto send = [](httplib::Response& res, const Reply& r) {
      res.status = r.status;
      // With the charset, cpp-httplib does not compress the body: it would pick brotli whenever a
      // client accepts it (libcurl-based ones do), at its highest quality, which costs ~0.7 s for
      // a completion of 20 tokens with 96 log-probabilities each, and far more than it saves.
      res.set_content(r.body, "application/json; charset=utf-8");
    };
    http.set_payload_max_length(options.max_request_bytes);
    // A wrong method on a known path is 405 (cpp-httplib would answer 404), before any body is
    // read.
    http.set_pre_routing_handler([send](const httplib::Request& req, httplib::Response& res) {
      const char* allowed = nullptr;
      if (req.path == "/v1/chat/completions" && req.method != "POST") allowed = "POST";
      if ((req.path == "/v1/models" || req.path.rfind("/v1/models/", 0) == 0) &&
          req.method != "GET" && req.method != "HEAD") {
        allowed = "GET";
      }
      if (allowed == nullptr) return httplib::Server::HandlerResponse::Unhandled;
      res.set_header("Allow", allowed);
      send(res,
           reply_of({405,
                     "Method " + req.method + " is not allowed on " + req.path + "; use " + allowed,
                     "", "method_not_allowed"}));
      return httplib::Server::HandlerResponse::Handled;
    });
    http.Post("/v1/chat/completions",
              [this, send](const httplib::Request& req, httplib::Response& res) {
                send(res, chat(req.body));
              });
    http.Get("/v1/models", [this, send](const httplib::Request&, httplib::Response& res) {
      send(res, models());
    });
    http.Get(R"(/v1/models/(.+))", [this, send](const httplib::Request& req,
                                                httplib::Response& res) {
      const std::string id = req.matches.size() > 1 ? req.matches[1].str() : "";
      if (id != name) {
        send(res,
             reply_of({404, "The model `" + id + "` does not exist.", "model", "model_not_found"}));
        return;
      }
      send(res, {200, model_object().dump(-1, ' ', false, ojson::error_handler_t::replace)});
    });
    http.Get("/health", [send](const httplib::Request&, httplib::Response& res) {
      send(res, {200, "{}"});
    });
    // Whatever cpp-httplib refuses itself (no such path, a body over the limit, a malformed
    // request) gets an error object too; the handlers' own errors keep theirs.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [send, max_bytes = options.max_request_bytes](const httplib::Request& req,
                                                      httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          std::string message;
          std::string code;
          if (res.status == 404) {
            message = "Invalid URL (" + req.method + " " + req.path +
                      "): this server has GET /v1/models and POST /v1/chat/completions";
          } else if (res.status == 413) {
            message = "the request body is too large (this server takes at most " +
                      std::to_string(max_bytes) + " bytes)";
            code = "request_too_large";
          } else {
            message = "HTTP " + std::to_string(res.status) +
                      (res.status == 400 ? " (a malformed request)" : std::string());
          }
          send(res, reply_of({res.status, message, "", code, type_for(res.status)}));
          return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler(
        [send](const httplib::Request&, httplib::Response& res, const std::exception_ptr& ep) {
          std::string what = "unknown exception";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          send(res, reply_of({500, "internal error: " + what, "", "", "server_error"}));
        });
  }

  ~Impl() {
    {
      std::lock_guard lock(mu);
      closing = true;
    }
    cv.notify_all();
    if (worker.joinable()) worker.join();
  }
};

OpenAiServer::OpenAiServer() : impl_(std::make_unique<Impl>()) {}
OpenAiServer::~OpenAiServer() {
  stop();
  // A server bound but never run still holds its listening socket, which only cpp-httplib's
  // listener closes: run it, stopped at once.
  if (impl_ && !impl_->ran.load()) (void)run();
}

Result<std::unique_ptr<OpenAiServer>> OpenAiServer::create(
    std::shared_ptr<const model::TorchBackend> model, const ServerOptions& options) {
  if (!model) return Error{"no model to serve"};
  if (options.port < 0 || options.port > 65535) {
    return Error{"port " + std::to_string(options.port) + " is out of range (0 to 65535)"};
  }
  if (options.max_batch < 1 || options.max_batch > kMaxBatchLimit) {
    return Error{"the batch size must be from 1 to " + std::to_string(kMaxBatchLimit)};
  }
  if (options.host.empty()) return Error{"no host to listen on"};
  std::unique_ptr<OpenAiServer> s(new OpenAiServer());
  Impl& m = *s->impl_;
  m.model = std::move(model);
  m.options = options;
  m.name = options.served_model_name.empty() ? m.model->card().name : options.served_model_name;
  m.fingerprint = "fp_" + m.model->fingerprint().substr(0, 12);
  m.created = static_cast<std::int64_t>(std::time(nullptr));
  m.salt = std::random_device{}();
  m.salt = (m.salt << 32) ^ static_cast<std::uint64_t>(clock::now().time_since_epoch().count());
  const model::Tokenizer& tok = m.model->tokenizer();
  for (const char* t : kStopTokens) {
    const std::int64_t id = tok.id(t);
    if (tok.token(id) == t) m.stop_ids.push_back(id);
  }
  // Each connection holds a thread while it is open (keep-alive), and each request one while it
  // waits for its tokens: enough threads for every request that may run, and those waiting.
  const int threads =
      options.http_threads > 0 ? options.http_threads : std::clamp(4 * options.max_batch, 16, 512);
  m.http.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, which lets a second server
  // bind a port already served (the kernel then splits connections between the two).
  m.http.set_socket_options([&m](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    m.listen_fd = sock;  // the last socket tried is the one bound
  });
  m.http.set_keep_alive_max_count(1000);
  m.http.set_tcp_nodelay(true);
  m.routes();
  if (options.port == 0) {
    m.port = m.http.bind_to_any_port(options.host);
    if (m.port < 0) return Error{bind_problem(options.host, 0)};
  } else {
    if (!m.http.bind_to_port(options.host, options.port)) {
      return Error{bind_problem(options.host, options.port)};
    }
    m.port = options.port;
  }
  // cpp-httplib listens with a backlog of 5: more clients connecting at once than that have their
  // connections dropped and retried a second later. Listening again on Linux sets a new backlog.
  if (m.listen_fd >= 0) ::listen(m.listen_fd, SOMAXCONN);
  m.worker = std::thread([&m] { m.work(); });
  return s;
}

const std::string& OpenAiServer::model_name() const {
  return impl_->name;
}

int OpenAiServer::port() const {
  return impl_->port;
}

std::string OpenAiServer::base_url() const {
  const std::string& h = impl_->options.host;
  const bool v6 = h.find(':') != std::string::npos && h.front() != '[';
  return "http://" + (v6 ? "[" + h + "]" : h) + ":" + std::to_string(impl_->port) + "/v1";
}

Status OpenAiServer::run(const std::atomic<bool>* stop_flag) {
  Impl& m = *impl_;
  if (m.ran.exchange(true)) return Error{"the server has run already"};
  std::signal(SIGPIPE, SIG_IGN);
  std::atomic<bool> listening_done{false};
  // Watches for a stop and stops the listener once it runs (stopping it before it runs would be
  // lost: cpp-httplib's stop() acts on a running server only).
  std::thread watcher([&] {
    while (!listening_done.load()) {
      if ((m.stop_requested.load() || (stop_flag && stop_flag->load())) && m.http.is_running()) {
        m.http.stop();
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  // Listens even when a stop came first (the watcher ends it at once): the listener closes the
  // socket bound by create().
  const bool ok = m.http.listen_after_bind();
  listening_done = true;
  watcher.join();
  const bool stopped = m.stop_requested.load() || (stop_flag && stop_flag->load());
  if (!ok && !stopped) return Error{"the server stopped listening on " + base_url()};
  return ok_status();
}

void OpenAiServer::stop() {
  if (impl_) impl_->stop_requested = true;
}

Reply OpenAiServer::chat(std::string_view body) {
  return impl_->chat(body);
}

Reply OpenAiServer::models() const {
  return impl_->models();
}

std::size_t OpenAiServer::requests_run() const {
  return impl_->requests.load();
}

std::size_t OpenAiServer::steps_run() const {
  return impl_->steps.load();
}

std::size_t OpenAiServer::rows_run() const {
  return impl_->rows.load();
}

}  // namespace unveil::serve
