// Trains the demo models with libtorch, inside the libtorch module (torch_runtime.h). One
// TorchScript definition (Module::define) serves both training (its parameters are registered from
// C++ and optimised with torch::optim) and the exported file, so the demo models load through
// exactly the path a user's model takes.
#include "model/torch_runtime.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/image.h"
#include "data/readers.h"
#include "model/model_card.h"
#include "model/prompt.h"
#include "model/tokenizer.h"
#include "util/atomic_file.h"
#include "util/random.h"

namespace unveil::model {
namespace {

constexpr int kDim = 48, kHidden = 96, kImage = 48, kGrid = 6;  // 48 -> 24 -> 12 -> 6x6 grid
constexpr char kLetters[] = "ABCDE";

// The forward pass of every demo model. Options are found in the prompt as "<letter> ." after a
// line break; each option's words are pooled, everything else (question and instruction wording)
// is pooled into a context, the context (with image features for the multimodal models) becomes a
// query, and each option letter's logit is the option's match with the query.
std::string source(bool image) {
  std::string s;
  if (image) {
    // Image: a small CNN to a 6x6 grid of features with learned positions; the text context asks
    // where to look (attention, for "what colour is the triangle"), a gated sum over the grid
    // counts ("how many"), and a global summary sees the whole scene.
    s += R"JIT(
def image_features(self, x: Tensor, ctx: Tensor) -> Tensor:
    h = torch.relu(torch.conv2d(x, self.c1w, self.c1b, [2, 2], [2, 2]))
    h = torch.relu(torch.conv2d(h, self.c2w, self.c2b, [2, 2], [1, 1]))
    h = torch.relu(torch.conv2d(h, self.c3w, self.c3b, [2, 2], [1, 1]))
    raw = torch.avg_pool2d(x, [8, 8], [8, 8])
    f = torch.cat([h, raw], 1).flatten(2).transpose(1, 2)
    k = torch.matmul(f, self.kw) + self.pos_k
    v = torch.matmul(f, self.vw) + self.pos_v
    q = torch.matmul(ctx, self.qw)
    logits = torch.bmm(k, q.unsqueeze(2)).squeeze(2) * 0.1443
    pooled = torch.bmm(torch.softmax(logits, 1).unsqueeze(1), v).squeeze(1)
    counted = torch.bmm(torch.sigmoid(logits - 2.0).unsqueeze(1), v).squeeze(1) * 0.125
    glob = torch.relu(torch.matmul(h.flatten(1), self.fw) + self.fb)
    return torch.cat([pooled, counted, glob], 1)
)JIT";
  }
  s += R"JIT(
def forward(self, pixel_values: Tensor, input_ids: Tensor) -> Tensor:
    B = input_ids.size(0)
    T = input_ids.size(1)
    emb = torch.embedding(self.tok_emb, input_ids)
    is_letter = (input_ids.unsqueeze(2) == self.letter_ids.view(1, 1, -1)).any(2)
    nxt = torch.cat([input_ids[:, 1:], torch.zeros_like(input_ids[:, :1])], 1)
    marker = is_letter & (nxt == self.special[0])
    pos = torch.arange(T, device=input_ids.device).unsqueeze(0).expand(B, T)
    neg = torch.full_like(pos, -1)
    last_marker = torch.cummax(torch.where(marker, pos, neg), 1)[0]
    last_nl = torch.cummax(torch.where(input_ids == self.special[1], pos, neg), 1)[0]
    body = (last_marker > last_nl) & (pos > last_marker + 1)
    opt = torch.cumsum(marker.long(), 1)
    onehot = (opt.unsqueeze(2) == self.opt_range.view(1, 1, -1)).float() * body.unsqueeze(2).float()
    count = onehot.sum(1)
    opt_emb = torch.bmm(onehot.transpose(1, 2), emb) / count.clamp(min=1.0).unsqueeze(2)
    ctx_mask = (input_ids != self.special[2]).float() * (1.0 - body.float()) * (1.0 - marker.float())
    ctx = (emb * ctx_mask.unsqueeze(2)).sum(1) / ctx_mask.sum(1, keepdim=True).clamp(min=1.0)
)JIT";
  s += image ? "    feats = torch.cat([ctx, self.image_features(pixel_values, ctx)], 1)\n"
             : "    feats = ctx\n";
  s += R"JIT(
    h = torch.relu(torch.matmul(feats, self.w1) + self.b1)
    q = torch.matmul(h, self.w2) + self.b2
    oh = torch.tanh(torch.matmul(opt_emb, self.wo) + self.bo)
    scores = torch.bmm(oh, q.unsqueeze(2)).squeeze(2) - 10000.0 * (count == 0).float()
    return self.vocab_bias.unsqueeze(0) * self.non_letter.unsqueeze(0) + torch.matmul(scores, self.letter_onehot)
)JIT";
  return s;
}

struct Vocab {
  WordTokenizer tok;
  std::vector<std::int64_t> letters;
  std::int64_t dot = 0;
};

torch::jit::Module make_module(const std::string& name, bool image, const Vocab& v) {
  torch::jit::Module m(name);
  const auto V = static_cast<std::int64_t>(v.tok.size());
  const auto K = static_cast<std::int64_t>(v.letters.size());
  auto init = [](const std::vector<std::int64_t>& shape, double scale) {
    return torch::randn(shape) * scale;
  };
  m.register_parameter("tok_emb", init({V, kDim}, 0.3), false);
  const std::int64_t in = image ? 4 * kDim : kDim;
  m.register_parameter("w1", init({in, kHidden}, 1.0 / std::sqrt(in)), false);
  m.register_parameter("b1", torch::zeros({kHidden}), false);
  m.register_parameter("w2", init({kHidden, kDim}, 1.0 / std::sqrt(kHidden)), false);
  m.register_parameter("b2", torch::zeros({kDim}), false);
  m.register_parameter("wo", init({kDim, kDim}, 1.0 / std::sqrt(kDim)), false);
  m.register_parameter("bo", torch::zeros({kDim}), false);
  m.register_parameter("vocab_bias", torch::full({V}, -2.0), false);
  if (image) {
    m.register_parameter("c1w", init({12, 3, 5, 5}, 0.15), false);
    m.register_parameter("c1b", torch::zeros({12}), false);
    m.register_parameter("c2w", init({24, 12, 3, 3}, 0.1), false);
    m.register_parameter("c2b", torch::zeros({24}), false);
    m.register_parameter("c3w", init({32, 24, 3, 3}, 0.07), false);
    m.register_parameter("c3b", torch::zeros({32}), false);
    m.register_parameter(
        "fw", init({32 * kGrid * kGrid, kDim}, 1.0 / std::sqrt(32.0 * kGrid * kGrid)), false);
    m.register_parameter("fb", torch::zeros({kDim}), false);
    // 32 learned features plus the cell's mean colour (so colour can be read where it is seen).
    m.register_parameter("kw", init({35, kDim}, 1.0 / std::sqrt(35.0)), false);
    m.register_parameter("vw", init({35, kDim}, 1.0 / std::sqrt(35.0)), false);
    m.register_parameter("qw", init({kDim, kDim}, 1.0 / std::sqrt(kDim)), false);
    m.register_parameter("pos_k", init({kGrid * kGrid, kDim}, 0.1), false);
    m.register_parameter("pos_v", init({kGrid * kGrid, kDim}, 0.1), false);
  }
  auto letter_ids = torch::tensor(v.letters, torch::kInt64);
  auto onehot = torch::zeros({K, V});
  auto non_letter = torch::ones({V});
  for (std::int64_t k = 0; k < K; ++k) {
    onehot[k][v.letters[static_cast<std::size_t>(k)]] = 1.0;
    non_letter[v.letters[static_cast<std::size_t>(k)]] = 0.0;
  }
  m.register_buffer("letter_ids", letter_ids);
  m.register_buffer("letter_onehot", onehot);
  m.register_buffer("non_letter", non_letter);
  m.register_buffer("opt_range", torch::arange(1, K + 1, torch::kInt64));
  // special: the "." token, the line break, the padding id.
  m.register_buffer("special", torch::tensor({v.dot, WordTokenizer::kNewline, WordTokenizer::kPad},
                                             torch::kInt64));
  m.define(source(image));
  return m;
}

// Copies parameters that exist in both modules with the same shape; w1 of a text model fills the
// text half of a multimodal w1 (the multimodal model is built on the base model).
void copy_parameters(const torch::jit::Module& from, torch::jit::Module& to) {
  torch::NoGradGuard ng;
  for (const auto& p : from.named_parameters()) {
    if (!to.hasattr(p.name)) continue;
    auto dst = to.attr(p.name).toTensor();
    if (dst.sizes() == p.value.sizes()) {
      dst.copy_(p.value);
    } else if (p.name == "w1" && dst.size(1) == p.value.size(1)) {
      dst.slice(0, 0, p.value.size(0)).copy_(p.value);
    }
  }
}

struct TrainData {
  torch::Tensor pixels, ids, target;
};

double train(torch::jit::Module& m, const TrainData& d, int epochs, double lr, int batch,
             const DemoTrainOptions& opt, const std::string& stage) {
  std::vector<torch::Tensor> params;
  for (auto p : m.parameters()) {
    p.set_requires_grad(true);
    params.push_back(p);
  }
  torch::optim::Adam adam(params, torch::optim::AdamOptions(lr));
  m.train();
  const std::int64_t n = d.ids.size(0);
  double last = 0;
  for (int e = 0; e < epochs; ++e) {
    if (opt.cancel && opt.cancel->load()) break;
    const auto perm = torch::randperm(n, torch::kInt64);
    double total = 0;
    int batches = 0;
    for (std::int64_t s = 0; s < n; s += batch) {
      const auto idx = perm.slice(0, s, std::min(n, s + batch));
      adam.zero_grad();
      const auto out =
          m.forward({d.pixels.index_select(0, idx), d.ids.index_select(0, idx)}).toTensor();
      auto loss = torch::nn::functional::cross_entropy(out, d.target.index_select(0, idx));
      loss.backward();
      adam.step();
      total += loss.item<double>();
      ++batches;
    }
    last = total / std::max(1, batches);
    if (opt.progress) opt.progress(stage, e + 1, epochs, last);
  }
  for (auto p : m.parameters())
    p.set_requires_grad(false);
  m.eval();
  return last;
}

/// The draws of the random generator that train() makes over `epochs` full epochs of `n`
/// examples, without the training: what a stage loaded from disk must still consume.
void replay_training_draws(std::int64_t n, int epochs) {
  for (int e = 0; e < epochs; ++e)
    (void)torch::randperm(n, torch::kInt64);
}

}  // namespace

Result<std::vector<DemoModel>> torch_module::train_demo_models(
    const std::filesystem::path& world_json, const std::filesystem::path& out_dir,
    const DemoTrainOptions& opt) {
  namespace fs = std::filesystem;
  auto ds = data::read_llava_json(world_json);
  if (!ds) return ds.error();
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Error{out_dir.string() + ": cannot create: " + ec.message()};
  torch::manual_seed(opt.seed);
  Xoshiro256 rng(opt.seed ^ 0x5eed);

  // The vocabulary covers every prompt any template can make from the world.
  const auto& templates = demo_training_templates();
  std::vector<std::string> texts;
  for (const auto& item : ds->items) {
    for (const auto& t : templates) {
      texts.push_back(render_prompt(t, item, true));
    }
  }
  Vocab v;
  v.tok = WordTokenizer::build(texts, {"A", "B", "C", "D", "E"});
  for (const char* l = kLetters; *l; ++l)
    v.letters.push_back(v.tok.id(std::string(1, *l)));
  v.dot = v.tok.id(".");
  if (auto s = v.tok.save(out_dir / "vocab.json"); !s) return s.error();

  data::PreprocessSpec spec;
  spec.width = spec.height = kImage;
  spec.mean = {0.5f, 0.5f, 0.5f};
  spec.std = {0.5f, 0.5f, 0.5f};

  // Training examples. Inviting wordings are paired with unanswerable questions more often than
  // with answerable ones, as in instruction-tuning data: so wording carries real signal.
  std::vector<const data::Item*> train_items;
  for (const auto& item : ds->items) {
    if (item.split == "train" && item.answer >= 0) train_items.push_back(&item);
  }
  if (train_items.empty())
    return Error{world_json.string() + ": no training items (split \"train\")"};
  const auto make_data = [&](bool image, bool image_questions_only) -> Result<TrainData> {
    std::vector<const data::Item*> use;
    for (const auto* it : train_items) {
      if (!image_questions_only || it->category.rfind("image/", 0) == 0) use.push_back(it);
    }
    const auto n = static_cast<std::int64_t>(use.size());
    std::vector<std::vector<std::int64_t>> ids;
    std::size_t t_max = 1;
    TrainData d;
    d.pixels = torch::zeros({image ? n : 1, 3, image ? kImage : 1, image ? kImage : 1});
    d.target = torch::empty({n}, torch::kInt64);
    for (std::int64_t i = 0; i < n; ++i) {
      const data::Item& item = *use[static_cast<std::size_t>(i)];
      const double invite = item.is_idk_question() ? 0.6 : 0.2;
      std::string tmpl;
      if (rng.uniform() < invite) {
        tmpl = templates[2 + rng.below(templates.size() - 2)];
      } else {
        tmpl = templates[rng.below(2)];
      }
      ids.push_back(v.tok.encode(render_prompt(tmpl, item, image)));
      t_max = std::max(t_max, ids.back().size());
      d.target[i] = v.letters[static_cast<std::size_t>(item.answer)];
      if (image) {
        auto img = data::load_image(item.image, ds->root);
        if (!img) return Error{"item \"" + item.id + "\": " + img.error().message};
        auto px = data::preprocess(*img, spec);
        if (!px) return px.error();
        std::copy(px->begin(), px->end(), d.pixels[i].data_ptr<float>());
      }
    }
    d.ids = torch::zeros({n, static_cast<std::int64_t>(t_max)}, torch::kInt64);
    for (std::int64_t i = 0; i < n; ++i) {
      const auto& row = ids[static_cast<std::size_t>(i)];
      const std::size_t off = t_max - row.size();
      for (std::size_t k = 0; k < row.size(); ++k)
        d.ids[i][static_cast<std::int64_t>(off + k)] = row[k];
    }
    if (!image) d.pixels = d.pixels.expand({n, 3, 1, 1}).contiguous();
    return d;
  };

  const auto card_for = [&](const std::string& name, bool image, const std::string& trained) {
    ModelCard c;
    c.name = name;
    c.file = name + ".pt";
    c.image = image;
    c.preprocess = spec;
    c.tokenizer_file = "vocab.json";
    c.prompt_template = kStudyTemplate;
    for (std::size_t k = 0; k < v.letters.size(); ++k)
      c.option_token_ids[kLetters[k]] = v.letters[k];
    c.max_new_tokens = 20;
    nlohmann::json prov = {{"trained_by", "unveil-cli demo (libtorch, C++)"},
                           {"data", world_json.filename().string() + ", split train"},
                           {"seed", opt.seed},
                           {"stages", trained}};
    c.provenance = prov.dump();
    return c;
  };
  std::vector<DemoModel> out;
  const auto save = [&](torch::jit::Module& m, const ModelCard& c, double secs,
                        double loss) -> Status {
    std::ostringstream module;
    m.save(module);
    if (auto st = write_file_atomically(out_dir / c.file, module.str(), "the TorchScript model");
        !st)
      return st;
    if (auto st = write_file_atomically(out_dir / (c.name + ".json"), to_json_text(c) + "\n",
                                        "the model card");
        !st)
      return st;
    out.push_back({c.name, out_dir / (c.name + ".json"), secs, loss});
    return ok_status();
  };
  const auto cancelled = [&] { return opt.cancel && opt.cancel->load(); };
  // A stage an earlier build finished: its files and the mark written after them.
  const auto finished = [&](const std::string& name) {
    std::error_code e;
    return opt.reuse_finished && fs::exists(out_dir / (name + ".done"), e) &&
           fs::exists(out_dir / (name + ".pt"), e) && fs::exists(out_dir / (name + ".json"), e);
  };
  // Trains `m` as the stage `name`, or loads what an earlier build saved of it; false when
  // cancelled (nothing is written then).
  const auto stage = [&](torch::jit::Module& m, const TrainData& d, int epochs, double lr,
                         const std::string& name, const std::string& trained,
                         bool image) -> Result<bool> {
    const auto t0 = std::chrono::steady_clock::now();
    if (finished(name)) {
      replay_training_draws(d.ids.size(0), epochs);
      m = torch::jit::load((out_dir / (name + ".pt")).string());
      out.push_back({name, out_dir / (name + ".json"), 0, 0});
      if (opt.progress) opt.progress(name, epochs, epochs, 0);
      return true;
    }
    const double loss = train(m, d, epochs, lr, opt.batch, opt, name);
    if (cancelled()) return false;
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (auto s = save(m, card_for(name, image, trained), secs, loss); !s) return s.error();
    if (auto s = write_file_atomically(out_dir / (name + ".done"), "done\n", "the stage mark"); !s)
      return s.error();
    return true;
  };
  try {
    // Every stage draws its data and its initial weights before it trains (or is loaded), in the
    // same order, so that a resumed build consumes the random generators as one in one go does.
    auto text_data = make_data(false, false);
    if (!text_data) return text_data.error();
    auto base = make_module("shapes_base", false, v);
    auto done = stage(base, *text_data, opt.base_epochs, 3e-3, "shapes-base",
                      "text-only training on all train questions", false);
    if (!done) return done.error();
    if (!*done) return Error{"cancelled"};

    auto mm_data = make_data(true, false);
    if (!mm_data) return mm_data.error();
    auto mm = make_module("shapes_mm", true, v);
    copy_parameters(base, mm);
    done = stage(mm, *mm_data, opt.mm_epochs, 3e-3, "shapes-mm",
                 "shapes-base + multimodal training on all train questions", true);
    if (!done) return done.error();
    if (!*done) return Error{"cancelled"};

    auto ft_data = make_data(true, true);
    if (!ft_data) return ft_data.error();
    auto ft = make_module("shapes_mm_ft", true, v);
    copy_parameters(mm, ft);
    done = stage(ft, *ft_data, opt.ft_epochs, 1e-3, "shapes-mm-ft",
                 "shapes-mm + visual fine-tuning on image questions", true);
    if (!done) return done.error();
    if (!*done) return Error{"cancelled"};
  } catch (const std::exception& e) {
    return Error{std::string("training the demo models failed: ") + e.what()};
  }
  if (opt.cancel && opt.cancel->load()) return Error{"cancelled"};
  return out;
}

}  // namespace unveil::model
