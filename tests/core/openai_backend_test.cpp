// The OpenAI-compatible endpoint backend (core/model/openai_backend.h) against a scripted server
// on localhost: what it sends, how it reads answers, and every way a server can fail — refused
// connections, HTTP errors with and without retries, bodies that are not JSON, responses without
// log-probabilities, one item refused, a slow server and a cancel — through the backend alone and
// through a whole run stored in a project (core/analysis/eval_job.h).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "analysis/eval_job.h"
#include "model/model.h"
#include "model/openai_backend.h"
#include "store/store.h"

namespace unveil {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A response as vLLM writes one (vllm/entrypoints/openai/protocol.py, ChatCompletionResponse with
// ChatCompletionLogProbs): the generated tokens `first` then ")" and, at the first step, the
// alternatives `top` (token, logprob).
std::string completion(const std::string& first, double first_logprob,
                       const std::vector<std::pair<std::string, double>>& top) {
  json alts = json::array();
  for (const auto& [t, lp] : top)
    alts.push_back({{"token", t}, {"logprob", lp}, {"bytes", json::array()}});
  json content = json::array();
  content.push_back(
      {{"token", first}, {"logprob", first_logprob}, {"bytes", nullptr}, {"top_logprobs", alts}});
  content.push_back({{"token", ")"},
                     {"logprob", -0.01},
                     {"bytes", nullptr},
                     {"top_logprobs", json::array({{{"token", ")"}, {"logprob", -0.01}}})}});
  return json{
      {"id", "chatcmpl-1"},
      {"object", "chat.completion"},
      {"created", 1},
      {"model", "fake"},
      {"choices", json::array({{{"index", 0},
                                {"message", {{"role", "assistant"}, {"content", first + ")"}}},
                                {"logprobs", {{"content", content}}},
                                {"finish_reason", "length"}}})}}
      .dump();
}

// A server whose answer to each request is decided by `script` from the request's prompt text.
class ScriptedServer {
 public:
  using Script = std::function<void(const json& request, httplib::Response& res)>;
  explicit ScriptedServer(Script script) : script_(std::move(script)) {
    server_.Post("/v1/chat/completions",
                 [this](const httplib::Request& req, httplib::Response& res) {
                   const json body = json::parse(req.body, nullptr, false);
                   {
                     std::lock_guard<std::mutex> lock(mutex_);
                     requests_.push_back(body);
                     authorizations_.push_back(req.get_header_value("Authorization"));
                   }
                   script_(body, res);
                 });
    server_.Get("/v1/models", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"object":"list","data":[{"id":"fake","object":"model"}]})",
                      "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ScriptedServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
  std::vector<json> requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  std::vector<std::string> authorizations() {
    std::lock_guard<std::mutex> lock(mutex_);
    return authorizations_;
  }

 private:
  Script script_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<json> requests_;
  std::vector<std::string> authorizations_;
};

// The prompt text of a request (its text parts joined).
std::string prompt_of(const json& request) {
  std::string text;
  for (const auto& part : request["messages"].back()["content"])
    if (part.value("type", "") == "text") text += part.value("text", "");
  return text;
}

class OpenAiBackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_openai_backend_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (int i = 0; i < 6; ++i) {
      data::Item it;
      it.id = "q" + std::to_string(i);
      it.question = "Question " + std::to_string(i) + "?";
      it.options = {{'A', "one"}, {'B', "two"}, {'C', "three"}};
      it.answer = i % 3;
      it.split = "test";
      items_.push_back(it);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path card(const std::string& url, const std::string& extra = "") {
    const fs::path p = dir_ / "server.json";
    std::ofstream(p) << R"({"backend": "openai", "base_url": ")" << url
                     << R"(", "model": "fake", "max_concurrency": 4, "max_retries": 2,
                           "timeout_s": 5, "modalities": ["text"])"
                     << extra << "}";
    return p;
  }
  std::vector<model::ScoreRequest> requests() const {
    std::vector<model::ScoreRequest> r;
    for (const auto& it : items_) {
      model::ScoreRequest q;
      q.item = &it;
      q.condition.kind = data::PerturbationKind::kNoImage;
      r.push_back(q);
    }
    return r;
  }
  fs::path project() {
    const fs::path db = dir_ / "p.unveil";
    auto st = store::Store::open(db);
    EXPECT_TRUE(st.ok()) << st.error().message;
    data::Dataset ds;
    ds.name = "toy";
    ds.root = dir_.string();
    ds.items = items_;
    EXPECT_TRUE(st->add_dataset(ds, "toy.json", "llava").ok());
    return db;
  }

  fs::path dir_;
  std::vector<data::Item> items_;
};

// Answers "B" with these log-probabilities at the first step: B -0.25, " A" -2.0, "A" -3.0, "("
// -4.0, and C absent (so bounded).
void answer_b(const json&, httplib::Response& res) {
  res.set_content(completion("B", -0.25, {{"B", -0.25}, {" A", -2.0}, {"A", -3.0}, {"(", -4.0}}),
                  "application/json");
}

TEST_F(OpenAiBackendTest, ReadsTheAnswerAndTheOptionLogProbabilitiesFromTheFirstLetter) {
  ScriptedServer server(answer_b);
  auto m = model::Model::load(card(server.url()), model::DeviceChoice::kCpu);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->device_name(), server.url());
  auto out = m->score(requests());
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->size(), 6u);
  for (const auto& r : *out) {
    ASSERT_EQ(r.status, model::ScoreResult::Status::kScored) << r.error;
    EXPECT_EQ(r.output.answer, 1);
    ASSERT_EQ(r.output.option_logits.size(), 3u);
    // A: " A" and "A" summed: log(e^-2 + e^-3) = -2 + log(1 + e^-1) = -1.6867383...
    EXPECT_NEAR(r.output.option_logits[0], -1.686738312, 1e-9);
    EXPECT_DOUBLE_EQ(r.output.option_logits[1], -0.25);
    // C is not in the top 4: bounded by the smallest returned (-4.0) and by log(1 - the sum of
    // the returned probabilities) = log(1 - (0.7788008 + 0.1353353 + 0.0497871 + 0.0183156))
    // = log(0.0177612264) = -4.0307375 (computed with Python), the tighter of the two.
    EXPECT_NEAR(r.output.option_logits[2], -4.0307375, 1e-7);
    EXPECT_EQ(r.bounded, "C");
    EXPECT_NEAR(*r.output.conf_vocab, 0.778800783, 1e-9);
    EXPECT_EQ(r.text, "B)");
  }
  // What was asked: greedy, with log-probabilities, the card's model, the study's prompt.
  const auto sent = server.requests();
  ASSERT_EQ(sent.size(), 6u);
  EXPECT_EQ(sent[0]["model"], "fake");
  EXPECT_EQ(sent[0]["temperature"], 0);
  EXPECT_EQ(sent[0]["logprobs"], true);
  EXPECT_EQ(sent[0]["top_logprobs"], 20);
  EXPECT_NE(prompt_of(sent[0]).find("Please provide the option letter directly.\nAnswer: ("),
            std::string::npos);
  EXPECT_EQ(m->counters().requests, 6u);
  EXPECT_EQ(m->counters().in_flight, 0u);
}

TEST_F(OpenAiBackendTest, SendsTheKeyFromTheNamedVariableAndNeverStoresIt) {
  ScriptedServer server(answer_b);
  ::setenv("UNVEIL_TEST_KEY", "sk-secret-4711", 1);
  const fs::path c = card(server.url(), R"(, "api_key_env": "UNVEIL_TEST_KEY")");
  analysis::EvalSpec spec;
  spec.db = project();
  spec.card = c;
  spec.dataset = "toy";
  auto res = analysis::run_eval(spec);
  ::unsetenv("UNVEIL_TEST_KEY");
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(res->predicted, 6u);
  for (const auto& a : server.authorizations())
    EXPECT_EQ(a, "Bearer sk-secret-4711");
  std::ifstream f(spec.db, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(f)), {});
  EXPECT_EQ(bytes.find("sk-secret-4711"), std::string::npos);
  // An unset variable is refused before any request, naming it.
  auto unset = model::Model::load(c, model::DeviceChoice::kCpu);
  ASSERT_FALSE(unset.ok());
  EXPECT_NE(unset.error().message.find("UNVEIL_TEST_KEY"), std::string::npos);
}

TEST_F(OpenAiBackendTest, RetriesTooManyRequestsAndServerErrorsThenSucceeds) {
  std::mutex mutex;
  std::map<std::string, int> tries;
  ScriptedServer server([&](const json& q, httplib::Response& res) {
    int n = 0;
    {
      std::lock_guard<std::mutex> lock(mutex);
      n = ++tries[prompt_of(q)];
    }
    if (n == 1) {  // each item's first try fails: 429 for half of them, 503 for the others
      res.status = prompt_of(q).find("Question 1?") != std::string::npos ||
                           prompt_of(q).find("Question 3?") != std::string::npos
                       ? 429
                       : 503;
      res.set_header("Retry-After", "0");
      res.set_content(R"({"error":{"message":"busy","type":"server_error"}})", "application/json");
      return;
    }
    answer_b(q, res);
  });
  auto m = model::Model::load(card(server.url()), model::DeviceChoice::kCpu);
  ASSERT_TRUE(m.ok());
  auto out = m->score(requests());
  ASSERT_TRUE(out.ok()) << out.error().message;
  for (const auto& r : *out)
    EXPECT_EQ(r.status, model::ScoreResult::Status::kScored) << r.error;
  EXPECT_EQ(m->counters().retries, 6u);
}

TEST_F(OpenAiBackendTest, AnItemTheServerRefusesFailsAloneAndAResumeAsksAgain) {
  std::atomic<bool> refuse{true};
  ScriptedServer server([&](const json& q, httplib::Response& res) {
    if (refuse && prompt_of(q).find("Question 3?") != std::string::npos) {
      res.status = 400;
      res.set_content(
          R"({"object":"error","message":"image too large","type":"BadRequestError","code":400})",
          "application/json");
      return;
    }
    answer_b(q, res);
  });
  analysis::EvalSpec spec;
  spec.db = project();
  spec.card = card(server.url());
  spec.dataset = "toy";
  auto res = analysis::run_eval(spec);
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(res->predicted, 5u);
  EXPECT_EQ(res->failed, 1u);
  ASSERT_FALSE(res->problems.empty());
  EXPECT_NE(res->problems[0].find("q3"), std::string::npos);
  EXPECT_NE(res->problems[0].find("image too large"), std::string::npos);
  auto st = store::Store::open(spec.db, store::OpenMode::kOpenExisting);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->run(res->run_id)->status, store::RunStatus::kFailed);
  refuse = false;
  spec.resume_run = res->run_id;
  auto again = analysis::run_eval(spec);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->predicted, 1u);
  auto info = st->run(res->run_id);
  EXPECT_EQ(info->status, store::RunStatus::kComplete);
  EXPECT_EQ(info->predictions, 6u);
  // The generated text and the bounded letters are kept with each prediction.
  auto set = st->prediction_set(res->run_id);
  ASSERT_TRUE(set.ok());
  EXPECT_NE(std::string(set->extra(0)).find("\"logprob_bounded_options\":\"C\""),
            std::string::npos);
}

TEST_F(OpenAiBackendTest, RunLevelFailuresStopTheRunKeepWhatIsStoredAndSayWhy) {
  struct Case {
    const char* name;
    ScriptedServer::Script script;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"refused key",
       [](const json&, httplib::Response& res) {
         res.status = 401;
         res.set_content(R"({"error":{"message":"Incorrect API key provided"}})",
                         "application/json");
       },
       "HTTP 401"},
      {"no logprobs",
       [](const json&, httplib::Response& res) {
         res.set_content(
             R"({"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"B"},"logprobs":null,"finish_reason":"stop"}]})",
             "application/json");
       },
       "logprobs"},
      {"unknown model",
       [](const json&, httplib::Response& res) {
         res.status = 404;
         res.set_content(R"({"error":{"message":"The model `fake` does not exist."}})",
                         "application/json");
       },
       "does not exist"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ScriptedServer server(c.script);
    analysis::EvalSpec spec;
    spec.db = project();
    spec.card = card(server.url());
    spec.dataset = "toy";
    auto res = analysis::run_eval(spec);
    ASSERT_FALSE(res.ok());
    EXPECT_NE(res.error().message.find(c.says), std::string::npos) << res.error().message;
    EXPECT_NE(res.error().message.find("can be resumed"), std::string::npos);
    {
      auto st = store::Store::open(spec.db, store::OpenMode::kOpenExisting);
      ASSERT_TRUE(st.ok());
      auto runs = st->runs();
      ASSERT_TRUE(runs.ok());
      ASSERT_EQ(runs->size(), 1u);
      EXPECT_EQ(runs->front().status, store::RunStatus::kFailed);
    }
    fs::remove(spec.db);
  }
}

TEST_F(OpenAiBackendTest, BodiesThatAreNotJsonAreItemFailuresNamingTheItem) {
  ScriptedServer server([](const json&, httplib::Response& res) {
    res.set_content("<html><body>502 Bad Gateway</body></html>", "text/html");
  });
  auto m = model::Model::load(card(server.url()), model::DeviceChoice::kCpu);
  ASSERT_TRUE(m.ok());
  auto out = m->score(requests());
  ASSERT_TRUE(out.ok()) << out.error().message;
  for (std::size_t k = 0; k < out->size(); ++k) {
    EXPECT_EQ((*out)[k].status, model::ScoreResult::Status::kItemError);
    EXPECT_NE((*out)[k].error.find(items_[k].id), std::string::npos) << (*out)[k].error;
  }
}

TEST_F(OpenAiBackendTest, AnUnreachableServerIsOneClearMessage) {
  // A port nothing listens on: one the kernel gave a socket that is closed again.
  int port = 0;
  {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    socklen_t len = sizeof a;
    ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len), 0);
    port = ntohs(a.sin_port);
    ::close(fd);
  }
  auto m = model::Model::load(card("http://127.0.0.1:" + std::to_string(port) + "/v1"),
                              model::DeviceChoice::kCpu);
  ASSERT_TRUE(m.ok()) << m.error().message;  // a card makes no request
  auto out = m->score(requests());
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("cannot be reached"), std::string::npos)
      << out.error().message;
  EXPECT_NE(out.error().message.find(std::to_string(port)), std::string::npos);
}

TEST_F(OpenAiBackendTest, ACancelReturnsWithinASecondFromASlowServer) {
  ScriptedServer server([](const json& q, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::seconds(3));
    answer_b(q, res);
  });
  auto m = model::Model::load(card(server.url()), model::DeviceChoice::kCpu);
  ASSERT_TRUE(m.ok());
  std::atomic<bool> cancel{false};
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel = true;
  });
  const auto t0 = std::chrono::steady_clock::now();
  auto out = m->score(requests(), &cancel);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  stopper.join();
  ASSERT_TRUE(out.ok());
  EXPECT_LT(s, 1.2);
  for (const auto& r : *out)
    EXPECT_EQ(r.status, model::ScoreResult::Status::kCancelled);
}

TEST_F(OpenAiBackendTest, TheModelListComesFromTheServer) {
  ScriptedServer server(answer_b);
  auto list = model::list_server_models(server.url(), "", 5);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(*list, std::vector<std::string>{"fake"});
}

}  // namespace
}  // namespace unveil
