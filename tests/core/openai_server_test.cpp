// `unveil-cli serve` (core/serve/openai_server.h): a tiny demo model served in-process on a free
// port, asked through HTTP as OpenAI clients and Unveil's own endpoint backend ask it. What it
// returns must be what the direct TorchScript backend computes, and a run scored through the
// server must be the direct run.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "analysis/eval_job.h"
#include "data/image.h"
#include "data/perturb.h"
#include "data/readers.h"
#include "model/model.h"
#include "model/openai_backend.h"
#include "model/openai_protocol.h"
#include "model/prompt.h"
#include "model/torch_backend.h"
#include "serve/openai_server.h"
#include "store/store.h"
#include "test_util.h"
#include "tiny_demo_project.h"
#include "util/base64.h"

using namespace unveil;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A server running in a thread of this process until destroyed.
class RunningServer {
 public:
  RunningServer(std::shared_ptr<const model::TorchBackend> m, serve::ServerOptions o) {
    o.port = 0;
    auto s = serve::OpenAiServer::create(std::move(m), o);
    if (!s) {
      error_ = s.error().message;
      return;
    }
    server_ = std::move(*s);
    thread_ = std::thread([this] { ran_ = server_->run().ok(); });
  }
  ~RunningServer() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  bool ok() const { return server_ != nullptr; }
  const std::string& error() const { return error_; }
  serve::OpenAiServer& server() { return *server_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(60, 0);
    c.set_write_timeout(60, 0);
    return c;
  }

 private:
  std::unique_ptr<serve::OpenAiServer> server_;
  std::thread thread_;
  std::string error_;
  std::atomic<bool> ran_{false};
};

std::vector<double> softmax(const std::vector<double>& z) {
  const double m = *std::max_element(z.begin(), z.end());
  std::vector<double> p;
  double s = 0;
  for (double x : z) {
    p.push_back(std::exp(x - m));
    s += p.back();
  }
  for (double& x : p)
    x /= s;
  return p;
}

std::string letters_of(const data::Item& item) {
  std::string s;
  for (const auto& o : item.options)
    s += o.letter;
  return s;
}

class Serve : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model::init_torch_threads(2);
    test::tiny_demo_suite_dir("unveil_serve", &dir_);
    auto ds = data::read_llava_json(dir_ / "shapes_world.json");
    ASSERT_TRUE(ds.ok()) << ds.error().message;
    world_ = new data::Dataset(std::move(*ds));
    auto m = serve::load_served_model(card("shapes-mm"), model::DeviceChoice::kCpu);
    ASSERT_TRUE(m.ok()) << m.error().message;
    model_ = new std::shared_ptr<const model::TorchBackend>(*m);
    server_ = new RunningServer(*m, {});
    ASSERT_TRUE(server_->ok()) << server_->error();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete model_;
    delete world_;
    fs::remove_all(dir_);
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    ASSERT_TRUE(server_->ok());
  }

  static fs::path card(const std::string& name) { return dir_ / "models" / (name + ".json"); }
  static const model::TorchBackend& backend() { return **model_; }
  static const std::string& name() { return server_->server().model_name(); }
  static std::vector<const data::Item*> test_items(std::size_t n) {
    std::vector<const data::Item*> out;
    for (const auto& it : world_->items) {
      if (it.split == "test" && !it.image.empty() && out.size() < n) out.push_back(&it);
    }
    return out;
  }
  // The request the endpoint backend sends for an item (core/model/openai_backend.cpp).
  static std::string request_for(const data::Item& item, bool image, int top_logprobs) {
    const std::string prompt = model::render_prompt(backend().card().prompt_template, item, image);
    std::string url;
    if (image) {
      auto img = data::load_image(item.image, world_->root);
      EXPECT_TRUE(img.ok());
      auto png = data::encode_png(*img);
      EXPECT_TRUE(png.ok());
      url = "data:image/png;base64," + base64_encode(*png);
    }
    model::openai::ChatRequest r;
    r.model = name();
    r.content = model::openai::content_parts(prompt, url);
    r.max_tokens = backend().card().max_new_tokens;
    r.top_logprobs = top_logprobs;
    return model::openai::request_body(r);
  }
  static int vocab() { return static_cast<int>(backend().tokenizer().size()); }

  static fs::path dir_;
  static data::Dataset* world_;
  static std::shared_ptr<const model::TorchBackend>* model_;
  static RunningServer* server_;
};
fs::path Serve::dir_;
data::Dataset* Serve::world_ = nullptr;
std::shared_ptr<const model::TorchBackend>* Serve::model_ = nullptr;
RunningServer* Serve::server_ = nullptr;

// Checks an OpenAI error object and returns its message.
std::string error_message_of(const std::string& body) {
  const json j = json::parse(body, nullptr, false);
  EXPECT_TRUE(j.is_object()) << body;
  if (!j.is_object() || !j.contains("error")) {
    ADD_FAILURE() << "no error object: " << body;
    return {};
  }
  const json& e = j["error"];
  for (const char* key : {"message", "type", "param", "code"})
    EXPECT_TRUE(e.contains(key)) << key << " missing in " << body;
  EXPECT_TRUE(e["message"].is_string()) << body;
  EXPECT_TRUE(e["type"].is_string()) << body;
  return e.value("message", "");
}

}  // namespace

TEST_F(Serve, ListsTheServedModel) {
  auto c = server_->client();
  auto r = c.Get("/v1/models");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  const json j = json::parse(r->body);
  EXPECT_EQ(j["object"], "list");
  ASSERT_EQ(j["data"].size(), 1u);
  EXPECT_EQ(j["data"][0]["id"], "shapes-mm");
  EXPECT_EQ(j["data"][0]["object"], "model");
  auto one = c.Get("/v1/models/shapes-mm");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_EQ(json::parse(one->body)["id"], "shapes-mm");
  auto none = c.Get("/v1/models/other");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  error_message_of(none->body);
  // What the endpoint backend's model picker reads.
  auto listed = model::list_server_models(server_->server().base_url(), "", 10);
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  EXPECT_EQ(*listed, std::vector<std::string>{"shapes-mm"});
  EXPECT_EQ(server_->server().base_url(),
            "http://127.0.0.1:" + std::to_string(server_->server().port()) + "/v1");
}

TEST_F(Serve, GenerateFollowsRunsGreedyPath) {
  const auto items = test_items(4);
  const auto cond = *data::parse_perturbation("image");
  std::vector<model::ModelInput> batch;
  for (const auto* it : items) {
    auto in = backend().prepare(*it, world_->root, cond, "", 0);
    ASSERT_TRUE(in.ok()) << in.error().message;
    batch.push_back(*in);
  }
  auto run = backend().run(batch);
  auto gen = backend().torch().generate(batch, 3, 4);
  ASSERT_TRUE(run.ok() && gen.ok());
  for (std::size_t b = 0; b < batch.size(); ++b) {
    const auto& g = (*gen)[b];
    ASSERT_EQ(g.steps.size(), 3u);
    EXPECT_FALSE(g.stopped);
    const auto& o = (*run)[b];
    ASSERT_GE(o.answer, 0);
    // run() stopped at its answer: the same token at the same step here.
    const auto& s = g.steps[static_cast<std::size_t>(o.steps - 1)];
    EXPECT_EQ(s.id, batch[b].option_ids[static_cast<std::size_t>(o.answer)]);
    for (const auto& st : g.steps) {
      ASSERT_EQ(st.top.size(), 4u);
      EXPECT_EQ(st.top.front().first, st.id);
      EXPECT_DOUBLE_EQ(st.top.front().second, st.logprob);
      EXPECT_LE(st.logprob, 0);
      for (std::size_t k = 1; k < st.top.size(); ++k)
        EXPECT_GE(st.top[k - 1].second, st.top[k].second);
    }
  }
  // A stop id ends an item's generation at that token (the others go on).
  const std::int64_t first_id = (*gen)[0].steps[0].id;
  auto stopped = backend().torch().generate(
      batch, std::vector<model::GenerationLimits>(batch.size(), {3, 0}), {first_id});
  ASSERT_TRUE(stopped.ok());
  for (std::size_t b = 0; b < batch.size(); ++b) {
    const auto& g = (*stopped)[b];
    const bool hit = (*gen)[b].steps[0].id == first_id;
    EXPECT_EQ(g.stopped, hit);
    EXPECT_EQ(g.steps.size(), hit ? 1u : 3u);
    EXPECT_TRUE(g.steps.front().top.empty());
  }
  // The whole vocabulary: probabilities sum to 1.
  auto all = backend().torch().generate({batch[0]}, 1, vocab());
  ASSERT_TRUE(all.ok());
  double total = 0;
  std::set<std::int64_t> ids;
  for (const auto& [id, lp] : (*all)[0].steps[0].top) {
    total += std::exp(lp);
    ids.insert(id);
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(vocab()));
}

TEST_F(Serve, AnImageRequestScoresAsTheDirectBackend) {
  const auto cond = *data::parse_perturbation("image");
  auto c = server_->client();
  for (const auto* item : test_items(6)) {
    auto in = backend().prepare(*item, world_->root, cond, "", 0);
    ASSERT_TRUE(in.ok());
    auto direct = backend().run({*in});
    ASSERT_TRUE(direct.ok());
    const auto& o = direct->front();

    auto r = c.Post("/v1/chat/completions", request_for(*item, true, vocab()), "application/json");
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    ASSERT_EQ(r->status, 200) << r->body;
    const json j = json::parse(r->body);
    EXPECT_EQ(j["object"], "chat.completion");
    EXPECT_EQ(j["id"].get<std::string>().rfind("chatcmpl-", 0), 0u);
    EXPECT_EQ(j["model"], "shapes-mm");
    EXPECT_TRUE(j["created"].is_number_integer());
    EXPECT_EQ(j["system_fingerprint"].get<std::string>().rfind("fp_", 0), 0u);
    const json& choice = j["choices"][0];
    EXPECT_EQ(choice["index"], 0);
    EXPECT_EQ(choice["message"]["role"], "assistant");
    EXPECT_EQ(choice["finish_reason"], "length");  // the word-level vocabulary has no end token
    const int max_new = backend().card().max_new_tokens;
    EXPECT_EQ(j["usage"]["completion_tokens"], max_new);
    EXPECT_EQ(j["usage"]["prompt_tokens"], in->ids.size());
    EXPECT_EQ(j["usage"]["total_tokens"], in->ids.size() + static_cast<std::size_t>(max_new));
    const json& steps = choice["logprobs"]["content"];
    ASSERT_EQ(steps.size(), static_cast<std::size_t>(max_new));
    EXPECT_EQ(steps[0]["top_logprobs"].size(), static_cast<std::size_t>(vocab()));
    const std::string first = steps[0]["token"];
    EXPECT_EQ(steps[0]["bytes"], json(std::vector<int>(first.begin(), first.end())));
    EXPECT_EQ(choice["message"]["content"].get<std::string>().rfind(first, 0), 0u);

    // Read as the endpoint backend reads it.
    auto parsed = model::openai::parse_chat_response(r->body);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    auto scores = model::openai::read_option_scores(*parsed, letters_of(*item));
    ASSERT_TRUE(scores.ok()) << scores.error().message;
    EXPECT_EQ(scores->answer, o.answer) << item->id;
    EXPECT_EQ(scores->steps, o.steps);
    EXPECT_TRUE(scores->bounded.empty());
    const auto p = softmax(scores->option_logprobs), q = softmax(o.option_logits);
    ASSERT_EQ(p.size(), q.size());
    for (std::size_t k = 0; k < p.size(); ++k)
      EXPECT_NEAR(p[k], q[k], 1e-6) << item->id << " option " << k;
    ASSERT_TRUE(scores->conf_vocab && o.conf_vocab);
    EXPECT_NEAR(*scores->conf_vocab, *o.conf_vocab, 1e-6);
  }
}

TEST_F(Serve, ATextOnlyRequestIsTheTextCondition) {
  const auto cond = *data::parse_perturbation("text");
  const data::Item& item = *test_items(1).front();
  auto in = backend().prepare(item, world_->root, cond, "", 0);
  ASSERT_TRUE(in.ok());
  auto direct = backend().run({*in});
  ASSERT_TRUE(direct.ok());
  // Content as a plain string, a smaller top_logprobs, and max_completion_tokens.
  const json body = {
      {"model", "shapes-mm"},
      {"messages",
       {{{"role", "system"}, {"content", "ignored"}},
        {{"role", "user"},
         {"content", model::render_prompt(backend().card().prompt_template, item, false)}}}},
      {"max_completion_tokens", 2},
      {"logprobs", true},
      {"top_logprobs", 3},
      {"temperature", 0.0},
      {"n", 1},
      {"seed", 7},
      {"some_future_field", {1, 2}}};
  auto c = server_->client();
  auto r = c.Post("/v1/chat/completions", body.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  EXPECT_EQ(j["usage"]["completion_tokens"], 2);
  EXPECT_EQ(j["usage"]["prompt_tokens"], in->ids.size());
  const json& steps = j["choices"][0]["logprobs"]["content"];
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0]["top_logprobs"].size(), 3u);
  const auto& o = direct->front();
  ASSERT_GE(o.answer, 0);
  EXPECT_EQ(steps[0]["token"],
            std::string(1, item.options[static_cast<std::size_t>(o.answer)].letter));
  EXPECT_EQ(steps[0]["top_logprobs"][0]["token"], steps[0]["token"]);
  EXPECT_EQ(steps[0]["top_logprobs"][0]["logprob"], steps[0]["logprob"]);

  // Without logprobs: null, and the content alone.
  json plain = body;
  plain.erase("logprobs");
  plain.erase("top_logprobs");
  auto r2 = c.Post("/v1/chat/completions", plain.dump(), "application/json");
  ASSERT_TRUE(r2);
  ASSERT_EQ(r2->status, 200) << r2->body;
  const json j2 = json::parse(r2->body);
  EXPECT_TRUE(j2["choices"][0]["logprobs"].is_null());
  EXPECT_EQ(j2["choices"][0]["message"]["content"], j["choices"][0]["message"]["content"]);
}

TEST_F(Serve, BadRequestsGetTheirStatusAndAnErrorObject) {
  const data::Item& item = *test_items(1).front();
  const json good = json::parse(request_for(item, true, 5));
  struct Case {
    std::string what;
    json body;
    int status;
    std::string says;
  };
  auto with = [&](const char* key, json value) {
    json b = good;
    b[key] = std::move(value);
    return b;
  };
  auto image_url = [&](const std::string& url) {
    json b = good;
    for (auto& part : b["messages"][0]["content"]) {
      if (part["type"] == "image_url") part["image_url"]["url"] = url;
    }
    return b;
  };
  json no_model = good;
  no_model.erase("model");
  json two_images = good;
  for (const auto& part : good["messages"][0]["content"]) {
    if (part["type"] == "image_url") two_images["messages"][0]["content"].push_back(part);
  }
  json audio = good;
  audio["messages"][0]["content"].push_back({{"type", "input_audio"}, {"input_audio", {}}});
  const std::vector<Case> cases = {
      {"wrong model", with("model", "gpt-4o"), 404, "does not exist"},
      {"no model", no_model, 400, "model"},
      {"temperature", with("temperature", 0.7), 400, "greedy decoding only"},
      {"n", with("n", 2), 400, "\"n\""},
      {"stream", with("stream", true), 400, "streaming"},
      {"max_tokens 0", with("max_tokens", 0), 400, "max_tokens"},
      {"max_tokens huge", with("max_tokens", 100000), 400, "max_tokens"},
      {"top_logprobs beyond the vocabulary", with("top_logprobs", vocab() + 1), 400,
       "top_logprobs"},
      {"top_logprobs negative", with("top_logprobs", -1), 400, "top_logprobs"},
      {"logprobs not a boolean", with("logprobs", "yes"), 400, "logprobs"},
      {"no messages", with("messages", json::array()), 400, "messages"},
      {"no user message",
       with("messages", json::array({{{"role", "assistant"}, {"content", "A"}}})), 400, "user"},
      {"content a number", with("messages", json::array({{{"role", "user"}, {"content", 3}}})), 400,
       "content"},
      {"http image", image_url("https://example.com/cat.png"), 400,
       "this server takes images as data: URLs"},
      {"not base64", image_url("data:image/png;base64,@@@@"), 400, "base64"},
      {"not an image", image_url("data:image/png;base64," + base64_encode("hello, world")), 400,
       ""},
      {"not an image type", image_url("data:text/plain;base64,aGVsbG8="), 400, "text/plain"},
      {"two images", two_images, 400, "one image per request"},
      {"audio", audio, 400, "input_audio"},
      {"not an object", json::array({1, 2}), 400, "JSON object"},
  };
  auto c = server_->client();
  for (const auto& k : cases) {
    auto r = c.Post("/v1/chat/completions", k.body.dump(), "application/json");
    ASSERT_TRUE(r) << k.what;
    EXPECT_EQ(r->status, k.status) << k.what << ": " << r->body;
    const std::string message = error_message_of(r->body);
    EXPECT_NE(message.find(k.says), std::string::npos) << k.what << ": " << message;
  }
  // The model's own code and the parameter named, as OpenAI's API answers.
  auto wrong = c.Post("/v1/chat/completions", with("model", "gpt-4o").dump(), "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(json::parse(wrong->body)["error"]["code"], "model_not_found");
  EXPECT_EQ(json::parse(wrong->body)["error"]["param"], "model");

  // Not JSON at all.
  auto bad = c.Post("/v1/chat/completions", "{\"model\": ", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(error_message_of(bad->body).find("not valid JSON"), std::string::npos);
  // Nested too deep.
  auto deep = c.Post("/v1/chat/completions", std::string(1000, '[') + std::string(1000, ']'),
                     "application/json");
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->status, 400);
  error_message_of(deep->body);
  // Wrong methods and paths.
  auto get_chat = c.Get("/v1/chat/completions");
  ASSERT_TRUE(get_chat);
  EXPECT_EQ(get_chat->status, 405);
  EXPECT_EQ(get_chat->get_header_value("Allow"), "POST");
  error_message_of(get_chat->body);
  auto post_models = c.Post("/v1/models", "{}", "application/json");
  ASSERT_TRUE(post_models);
  EXPECT_EQ(post_models->status, 405);
  error_message_of(post_models->body);
  auto nowhere = c.Post("/v1/completions", "{}", "application/json");
  ASSERT_TRUE(nowhere);
  EXPECT_EQ(nowhere->status, 404);
  EXPECT_NE(error_message_of(nowhere->body).find("/v1/completions"), std::string::npos);
  // A body over the limit: 413, and the server goes on.
  auto huge = c.Post("/v1/chat/completions", std::string(serve::kMaxRequestBytes + 1, ' '),
                     "application/json");
  ASSERT_TRUE(huge) << httplib::to_string(huge.error());
  EXPECT_EQ(huge->status, 413);
  error_message_of(huge->body);
  EXPECT_EQ(server_->server().chat(std::string(serve::kMaxRequestBytes + 1, ' ')).status, 413);
  auto after = server_->client().Post("/v1/chat/completions", good.dump(), "application/json");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200) << after->body;
}

TEST_F(Serve, ATextOnlyModelRefusesImages) {
  auto base = serve::load_served_model(card("shapes-base"), model::DeviceChoice::kCpu);
  ASSERT_TRUE(base.ok()) << base.error().message;
  serve::ServerOptions o;
  o.port = 0;
  auto s = serve::OpenAiServer::create(*base, o);
  ASSERT_TRUE(s.ok()) << s.error().message;
  json body = json::parse(request_for(*test_items(1).front(), true, 5));
  body["model"] = "shapes-base";
  const auto r = (*s)->chat(body.dump());
  EXPECT_EQ(r.status, 400);
  const std::string m = error_message_of(r.body);
  EXPECT_NE(m.find("\"shapes-base\" is text-only"), std::string::npos) << m;
  // Text is fine.
  json text = body;
  text["messages"][0]["content"] = "What colour?\nA. red\nB. blue\nAnswer: (";
  EXPECT_EQ((*s)->chat(text.dump()).status, 200);
}

TEST_F(Serve, CardsPortsAndHostsThatCannotBeServedAreRefused) {
  // An endpoint card names a server already.
  const fs::path endpoint = dir_ / "endpoint.json";
  std::ofstream(endpoint) << R"({"backend": "openai", "base_url": "http://127.0.0.1:1/v1",
                                 "model": "x"})";
  auto e = serve::load_served_model(endpoint, model::DeviceChoice::kCpu);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("endpoint card"), std::string::npos) << e.error().message;
  auto missing = serve::load_served_model(dir_ / "nope.json", model::DeviceChoice::kCpu);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nope.json"), std::string::npos);
  // The port the suite's server holds.
  serve::ServerOptions o;
  o.port = server_->server().port();
  auto taken = serve::OpenAiServer::create(*model_, o);
  ASSERT_FALSE(taken.ok());
  EXPECT_NE(taken.error().message.find("in use"), std::string::npos) << taken.error().message;
  // Hosts: one that does not resolve, one that is not this machine's.
  o.port = 0;
  o.host = "no-such-host.invalid";
  auto unresolved = serve::OpenAiServer::create(*model_, o);
  ASSERT_FALSE(unresolved.ok());
  EXPECT_NE(unresolved.error().message.find("no-such-host.invalid"), std::string::npos);
  o.host = "192.0.2.1";  // TEST-NET-1: never a local address
  auto foreign = serve::OpenAiServer::create(*model_, o);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.error().message.find("not an address of this machine"), std::string::npos)
      << foreign.error().message;
  EXPECT_TRUE(serve::is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(serve::is_loopback_host("::1"));
  EXPECT_TRUE(serve::is_loopback_host("localhost"));
  EXPECT_FALSE(serve::is_loopback_host("0.0.0.0"));
  EXPECT_FALSE(serve::is_loopback_host("192.168.1.10"));
}

TEST_F(Serve, ConcurrentRequestsAreBatchedAndAnsweredAlike) {
  serve::ServerOptions o;
  o.max_batch = 8;
  o.batch_wait_ms = 300;  // long enough for every client below to join one batch
  RunningServer batched(*model_, o);
  ASSERT_TRUE(batched.ok()) << batched.error();
  const auto items = test_items(8);
  std::vector<std::string> sequential, concurrent(items.size());
  auto c = server_->client();
  for (const auto* it : items) {
    auto r = c.Post("/v1/chat/completions", request_for(*it, true, 5), "application/json");
    ASSERT_TRUE(r && r->status == 200);
    sequential.push_back(json::parse(r->body)["choices"][0]["logprobs"].dump());
  }
  std::vector<std::thread> clients;
  for (std::size_t k = 0; k < items.size(); ++k) {
    clients.emplace_back([&, k] {
      auto cc = batched.client();
      auto r = cc.Post("/v1/chat/completions", request_for(*items[k], true, 5), "application/json");
      if (r && r->status == 200)
        concurrent[k] = json::parse(r->body)["choices"][0]["logprobs"].dump();
    });
  }
  for (auto& t : clients)
    t.join();
  EXPECT_EQ(batched.server().requests_run(), items.size());
  const auto tokens = items.size() * static_cast<std::size_t>(backend().card().max_new_tokens);
  EXPECT_EQ(batched.server().rows_run(), tokens);
  EXPECT_LT(batched.server().steps_run(), tokens);  // some ran together
  for (std::size_t k = 0; k < items.size(); ++k) {
    ASSERT_FALSE(concurrent[k].empty()) << k;
    // Batched or alone, the same tokens; log-probabilities within float noise.
    const json a = json::parse(sequential[k]), b = json::parse(concurrent[k]);
    ASSERT_EQ(a["content"].size(), b["content"].size());
    for (std::size_t s = 0; s < a["content"].size(); ++s) {
      EXPECT_EQ(a["content"][s]["token"], b["content"][s]["token"]);
      EXPECT_NEAR(a["content"][s]["logprob"].get<double>(),
                  b["content"][s]["logprob"].get<double>(), 1e-5);
    }
  }
}

// The end-to-end path the project must hold: a model served here and scored through an endpoint
// card gives the direct backend's run, and the endpoint run resumes.
TEST_F(Serve, AnEndpointRunIsTheDirectRunAndResumes) {
  // A server of its own (its first step waits for the first four requests to arrive together);
  // the run below is cancelled part way.
  serve::ServerOptions o;
  o.batch_wait_ms = 20;
  RunningServer served(*model_, o);
  ASSERT_TRUE(served.ok()) << served.error();
  const fs::path endpoint = dir_ / "served.json";
  {
    json c = {{"backend", "openai"},
              {"base_url", served.server().base_url()},
              {"model", name()},
              {"top_logprobs", std::min(1000, vocab())},
              {"max_concurrency", 4},
              {"max_new_tokens", backend().card().max_new_tokens},
              {"prompt_template", backend().card().prompt_template}};
    std::ofstream(endpoint) << c.dump(2);
  }
  ASSERT_LE(vocab(), 1000) << "the endpoint card's top_logprobs cannot cover the vocabulary";
  fs::path db;
  ASSERT_NO_FATAL_FAILURE(test::tiny_demo_project(dir_, &db));
  auto st = store::Store::open(db);
  ASSERT_TRUE(st.ok());
  for (const char* condition : {"image", "text"}) {
    SCOPED_TRACE(condition);
    analysis::EvalSpec spec;
    spec.db = db;
    spec.dataset = "shapes";
    spec.split = "test";
    spec.condition = condition;
    spec.device = model::DeviceChoice::kCpu;
    spec.card = card("shapes-mm");
    auto direct = analysis::run_eval(spec);
    ASSERT_TRUE(direct.ok()) << direct.error().message;

    // The endpoint run, cancelled part way (once 4 answers have come back: the backend sends
    // 4 x max_concurrency requests a batch, the whole split here), then resumed.
    spec.card = endpoint;
    analysis::ModelCache cache;
    auto client = cache.get(endpoint, model::DeviceChoice::kCpu);
    ASSERT_TRUE(client.ok()) << client.error().message;
    spec.models = &cache;
    std::atomic<bool> cancel{false}, finished{false};
    const std::uint64_t before = client->counters().requests;
    std::thread canceller([&] {
      while (!finished && client->counters().requests < before + 4)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      cancel = true;
    });
    auto first = analysis::run_eval(spec, &cancel);
    finished = true;
    canceller.join();
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_TRUE(first->cancelled);
    EXPECT_GT(first->predicted, 0u);
    EXPECT_EQ(first->device, served.server().base_url());
    EXPECT_LT(first->predicted, direct->predicted);
    EXPECT_EQ(st->run(first->run_id)->status, store::RunStatus::kCancelled);
    spec.resume_run = first->run_id;
    auto rest = analysis::run_eval(spec);
    ASSERT_TRUE(rest.ok()) << rest.error().message;
    EXPECT_FALSE(rest->cancelled);
    EXPECT_EQ(rest->failed, 0u);
    EXPECT_EQ(first->predicted + rest->predicted, direct->predicted);
    EXPECT_EQ(st->run(first->run_id)->status, store::RunStatus::kComplete);

    auto a = st->predictions(direct->run_id);
    auto b = st->predictions(first->run_id);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->size(), direct->predicted);
    ASSERT_EQ(b->size(), a->size());  // every item once
    std::map<std::int64_t, const store::PredictionRecord*> by_item;
    for (const auto& p : *b)
      EXPECT_TRUE(by_item.emplace(p.item_id, &p).second) << "item " << p.item_id << " twice";
    for (const auto& p : *a) {
      ASSERT_TRUE(by_item.count(p.item_id)) << "item " << p.item_id;
      const store::PredictionRecord& q = *by_item[p.item_id];
      EXPECT_EQ(q.answer, p.answer) << "item " << p.item_id;
      const auto x = softmax(p.logits), y = softmax(q.logits);
      ASSERT_EQ(x.size(), y.size());
      for (std::size_t k = 0; k < x.size(); ++k)
        EXPECT_NEAR(x[k], y[k], 1e-5) << "item " << p.item_id << " option " << k;
      EXPECT_NEAR(q.conf_options, p.conf_options, 1e-5);
      ASSERT_TRUE(p.conf_vocab && q.conf_vocab);
      EXPECT_NEAR(*q.conf_vocab, *p.conf_vocab, 1e-5);
    }
  }
}
