#include "model/openai_backend.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "data/image.h"
#include "data/perturb.h"
#include "model/openai_protocol.h"
#include "model/prompt.h"
#include "util/base64.h"
#include "util/error_message.h"
#include "util/sha256.h"

namespace unveil::model {
namespace {

using clock = std::chrono::steady_clock;

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t append_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* body = static_cast<std::string*>(user);
  // A response larger than this is not a chat completion of a few tokens.
  constexpr std::size_t kMaxBody = 64u << 20;
  if (body->size() + size * n > kMaxBody) return 0;
  body->append(data, size * n);
  return size * n;
}

// One HTTP exchange's easy handle with its headers and buffers.
struct Transfer {
  std::size_t index = 0;  // into the batch
  int attempt = 0;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string request, response;
  clock::time_point started;
  char error[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    if (easy) curl_easy_cleanup(easy);
    if (headers) curl_slist_free_all(headers);
  }
};

curl_slist* json_headers(const std::string& key) {
  curl_slist* h = curl_slist_append(nullptr, "Content-Type: application/json");
  h = curl_slist_append(h, "Accept: application/json");
  // libcurl waits for a "100 Continue" on large POSTs otherwise; servers answer anyway.
  h = curl_slist_append(h, "Expect:");
  if (!key.empty()) h = curl_slist_append(h, ("Authorization: Bearer " + key).c_str());
  return h;
}

void common_options(CURL* e, const std::string& url, double timeout_s, std::string* body,
                    char* error) {
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_s * 1000));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min(timeout_s, 10.0) * 1000));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, body);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_USERAGENT, "unveil");
}

// A failure of the connection itself: worth a retry, and after the retries a failure of the
// whole run when the server cannot be reached at all.
bool unreachable(CURLcode c) {
  return c == CURLE_COULDNT_CONNECT || c == CURLE_COULDNT_RESOLVE_HOST ||
         c == CURLE_COULDNT_RESOLVE_PROXY;
}
bool transient(CURLcode c) {
  return unreachable(c) || c == CURLE_OPERATION_TIMEDOUT || c == CURLE_GOT_NOTHING ||
         c == CURLE_RECV_ERROR || c == CURLE_SEND_ERROR || c == CURLE_PARTIAL_FILE ||
         c == CURLE_HTTP2 || c == CURLE_HTTP2_STREAM;
}
bool transient_status(long s) {
  return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

std::string curl_text(CURLcode c, const char* error) {
  return error[0] ? std::string(error) : std::string(curl_easy_strerror(c));
}

// Seconds a "Retry-After: N" header asks for (0 when absent or a date).
double retry_after(CURL* e) {
  curl_header* h = nullptr;
  if (curl_easy_header(e, "Retry-After", 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h) return 0;
  char* end = nullptr;
  const double v = std::strtod(h->value, &end);
  return end != h->value && std::isfinite(v) && v > 0 ? std::min(v, 60.0) : 0;
}

// The request of one item: its prompt and (perturbed) image as a data URL.
Result<std::string> request_for(const ModelCard& card, const ScoreRequest& q) {
  const data::Item& item = *q.item;
  const bool show_image =
      card.image && q.condition.kind != data::PerturbationKind::kNoImage && !item.image.empty();
  const std::string prompt = render_prompt(
      q.prompt_template.empty() ? card.prompt_template : q.prompt_template, item, show_image);
  std::string url;
  if (show_image) {
    auto img = data::load_image(item.image, q.root);
    if (!img) return prefixed(message("place.item_quoted", item.id), img.error());
    auto perturbed = data::apply_perturbation(*img, q.condition, q.seed);
    if (!perturbed) return prefixed(message("place.item_quoted", item.id), perturbed.error());
    if (perturbed->has_value()) {
      const bool jpeg = card.endpoint.image_format == "jpeg";
      auto bytes = jpeg ? data::encode_jpeg(**perturbed, 95) : data::encode_png(**perturbed);
      if (!bytes) return prefixed(message("place.item_quoted", item.id), bytes.error());
      url = std::string(jpeg ? "data:image/jpeg;base64," : "data:image/png;base64,") +
            base64_encode(*bytes);
    }
  }
  openai::ChatRequest r;
  r.model = card.endpoint.model;
  r.content = openai::content_parts(prompt, url);
  r.max_tokens = card.max_new_tokens;
  r.top_logprobs = card.endpoint.top_logprobs;
  return openai::request_body(r);
}

std::string letters_of(const data::Item& item) {
  std::string s;
  for (const auto& o : item.options)
    s += o.letter;
  return s;
}

}  // namespace

OpenAiBackend::~OpenAiBackend() = default;

Result<std::shared_ptr<const OpenAiBackend>> OpenAiBackend::load(const ModelCard& card) {
  if (card.backend != kBackendOpenAi)
    return Error::from(message("endpoint.not_endpoint_card", card.name));
  init_curl_once();
  std::shared_ptr<OpenAiBackend> b(new OpenAiBackend());
  b->card_ = card;
  const std::string& var = card.endpoint.api_key_env;
  if (!var.empty()) {
    const char* v = std::getenv(var.c_str());
    if (v == nullptr || *v == '\0') {
      return Error::from(message("endpoint.key_not_set", card.card_file.string(), var));
    }
    b->key_ = v;
  }
  return std::shared_ptr<const OpenAiBackend>(std::move(b));
}

std::string openai_fingerprint(const EndpointSpec& e) {
  return sha256_hex("openai\n" + e.base_url + "\n" + e.model);
}

std::string OpenAiBackend::fingerprint() const {
  return openai_fingerprint(card_.endpoint);
}

std::size_t OpenAiBackend::batch_size(std::size_t /*requested*/) const {
  return static_cast<std::size_t>(card_.endpoint.max_concurrency) * 4;
}

BackendCounters OpenAiBackend::counters() const {
  return {requests_.load(), retries_.load(), errors_.load(), in_flight_.load()};
}

Result<std::vector<ScoreResult>> OpenAiBackend::score(const std::vector<ScoreRequest>& batch,
                                                      const std::atomic<bool>* cancel) const {
  const EndpointSpec& ep = card_.endpoint;
  const std::string url = ep.base_url + "/chat/completions";
  std::vector<ScoreResult> results(batch.size());
  std::vector<std::string> bodies(batch.size());
  struct Pending {
    std::size_t index;
    int attempt;
    clock::time_point not_before;
  };
  std::deque<Pending> queue;
  for (std::size_t k = 0; k < batch.size(); ++k) {
    auto body = request_for(card_, batch[k]);
    if (!body) {
      results[k].status = ScoreResult::Status::kItemError;
      results[k].error = body.error().message;
      ++errors_;
      continue;
    }
    bodies[k] = std::move(*body);
    queue.push_back({k, 0, clock::now()});
  }
  CURLM* multi = curl_multi_init();
  if (!multi) return Error::from(message("endpoint.no_client"));
  std::vector<std::unique_ptr<Transfer>> active;
  std::optional<Error> fatal;
  std::vector<bool> finished(batch.size(), false);
  const auto finish_item = [&](std::size_t index, ScoreResult r) {
    if (r.status == ScoreResult::Status::kItemError) ++errors_;
    ++requests_;
    results[index] = std::move(r);
    finished[index] = true;
  };
  const auto start = [&](const Pending& p) {
    auto t = std::make_unique<Transfer>();
    t->index = p.index;
    t->attempt = p.attempt;
    t->easy = curl_easy_init();
    t->request = bodies[p.index];
    t->headers = json_headers(key_);
    common_options(t->easy, url, ep.timeout_s, &t->response, t->error);
    curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, t->request.c_str());
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(t->request.size()));
    curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t.get());
    t->started = clock::now();
    curl_multi_add_handle(multi, t->easy);
    active.push_back(std::move(t));
    ++in_flight_;
  };
  const auto retry_or = [&](Transfer& t, double wait_s, const Message& why, bool run_level) {
    if (t.attempt < ep.max_retries) {
      ++retries_;
      const double backoff = std::max(wait_s, std::min(8.0, 0.5 * std::pow(2.0, t.attempt)));
      queue.push_back(
          {t.index, t.attempt + 1,
           clock::now() + std::chrono::milliseconds(static_cast<long>(backoff * 1000))});
      return;
    }
    if (run_level) {
      fatal = Error::from(why);
      return;
    }
    ScoreResult r;
    r.status = ScoreResult::Status::kItemError;
    r.error = "item \"" + batch[t.index].item->id + "\": " + english(why);
    finish_item(t.index, std::move(r));
  };
  const auto completed = [&](Transfer& t, CURLcode code) {
    const double ms = std::chrono::duration<double, std::milli>(clock::now() - t.started).count();
    if (code != CURLE_OK) {
      const Message why = message(unreachable(code) ? "endpoint.unreachable" : "endpoint.no_answer",
                                  ep.base_url, curl_text(code, t.error));
      if (transient(code)) {
        retry_or(t, 0, why, unreachable(code));
      } else {
        fatal = Error::from(why);
      }
      return;
    }
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) {
      const std::string said = openai::error_message(t.response);
      // "401" or "401: what the server said"
      const std::string http = std::to_string(status) + (said.empty() ? "" : ": " + said);
      const Message why = message("endpoint.http", http);
      if (transient_status(status)) {
        retry_or(t, retry_after(t.easy), why, false);
      } else if (status == 401 || status == 403) {
        fatal = Error::from(
            ep.api_key_env.empty()
                ? message("endpoint.refused_no_key", ep.base_url, http)
                : message("endpoint.refused_check_key", ep.base_url, http, ep.api_key_env));
      } else if (status == 404) {
        fatal = Error::from(message("endpoint.not_found", ep.base_url,
                                    said.empty() ? std::string("404") : "404 (" + said + ")",
                                    ep.model));
      } else {
        ScoreResult r;
        r.status = ScoreResult::Status::kItemError;
        r.error = "item \"" + batch[t.index].item->id + "\": " + english(why);
        finish_item(t.index, std::move(r));
      }
      return;
    }
    auto parsed = openai::parse_chat_response(t.response);
    ScoreResult r;
    r.milliseconds = ms;
    if (!parsed) {
      r.status = ScoreResult::Status::kItemError;
      r.error = "item \"" + batch[t.index].item->id + "\": " + parsed.error().message;
      finish_item(t.index, std::move(r));
      return;
    }
    auto scores = openai::read_option_scores(*parsed, letters_of(*batch[t.index].item));
    if (!scores) {
      // A server without log-probabilities answers every item alike: the run cannot go on.
      if (!parsed->has_logprobs) {
        fatal = prefixed(literal(ep.base_url), scores.error());
        return;
      }
      r.status = ScoreResult::Status::kItemError;
      r.error = "item \"" + batch[t.index].item->id + "\": " + scores.error().message;
      finish_item(t.index, std::move(r));
      return;
    }
    r.output.answer = scores->answer;
    r.output.option_logits = std::move(scores->option_logprobs);
    r.output.conf_vocab = scores->conf_vocab;
    r.output.steps = scores->steps;
    r.text = std::move(parsed->text);
    r.bounded = std::move(scores->bounded);
    finish_item(t.index, std::move(r));
  };

  while (!fatal && (!queue.empty() || !active.empty())) {
    if (cancel && cancel->load()) break;
    // Start what may start: the queue is in order, but a retry waits for its back-off.
    for (auto it = queue.begin();
         it != queue.end() && active.size() < static_cast<std::size_t>(ep.max_concurrency);) {
      if (it->not_before <= clock::now()) {
        start(*it);
        it = queue.erase(it);
      } else {
        ++it;
      }
    }
    int running = 0;
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      const CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi, msg->easy_handle);
      --in_flight_;
      completed(*t, code);
      active.erase(
          std::find_if(active.begin(), active.end(), [&](const auto& a) { return a.get() == t; }));
      if (fatal) break;
    }
    if (fatal) break;
    if (!active.empty()) {
      curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    } else if (!queue.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // waiting out a back-off
    }
  }
  for (auto& t : active) {
    curl_multi_remove_handle(multi, t->easy);
    --in_flight_;
  }
  active.clear();
  curl_multi_cleanup(multi);
  if (fatal) return *fatal;
  // What was sent (or waiting to be) and never answered was cancelled.
  for (std::size_t k = 0; k < batch.size(); ++k) {
    if (!bodies[k].empty() && !finished[k]) results[k].status = ScoreResult::Status::kCancelled;
  }
  return results;
}

Result<std::vector<std::string>> list_server_models(const std::string& base_url,
                                                    const std::string& key, double timeout_s) {
  init_curl_once();
  Transfer t;
  t.easy = curl_easy_init();
  if (!t.easy) return Error::from(message("endpoint.no_client"));
  t.headers = json_headers(key);
  common_options(t.easy, base_url + "/models", timeout_s, &t.response, t.error);
  curl_easy_setopt(t.easy, CURLOPT_HTTPHEADER, t.headers);
  const CURLcode code = curl_easy_perform(t.easy);
  if (code != CURLE_OK) {
    return Error::from(message(unreachable(code) ? "endpoint.unreachable" : "endpoint.no_answer",
                               base_url, curl_text(code, t.error)));
  }
  long status = 0;
  curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    const std::string said = openai::error_message(t.response);
    return Error::from(message("endpoint.models_http", base_url,
                               std::to_string(status) + (said.empty() ? "" : ": " + said)));
  }
  return openai::parse_model_list(t.response);
}

}  // namespace unveil::model
