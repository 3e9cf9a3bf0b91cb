#include "model/torch_backend.h"

#include <chrono>

#include "model/model.h"
#include "model/prompt.h"
#include "util/error_message.h"

namespace unveil::model {
namespace {

std::string too_long(std::size_t tokens, const std::string& model) {
  return "the prompt is " + std::to_string(tokens) + " tokens long; " + model + " reads at most " +
         std::to_string(kMaxPromptTokens);
}

Result<std::vector<std::int64_t>> option_ids(const ModelCard& card, std::string_view letters,
                                             const std::string& what) {
  std::vector<std::int64_t> ids;
  for (char letter : letters) {
    const auto it = card.option_token_ids.find(letter);
    if (it == card.option_token_ids.end()) {
      return Error::from(message("model.no_option_token", what, card.name, std::string(1, letter)));
    }
    ids.push_back(it->second);
  }
  return ids;
}

}  // namespace

Result<std::shared_ptr<const TorchBackend>> TorchBackend::load(const ModelCard& card,
                                                               DeviceChoice device) {
  auto tok = load_tokenizer(card);
  if (!tok) return tok.error();
  std::shared_ptr<TorchBackend> m(new TorchBackend());
  m->card_ = card;
  m->tokenizer_ = std::move(*tok);
  data::Item sample;
  sample.question = "What is shown?";
  sample.options = {{'A', "one"}, {'B', "two"}};
  const auto ids =
      m->tokenizer_->encode(render_prompt(m->card_.prompt_template, sample, m->card_.image));
  if (ids.size() > kMaxPromptTokens) {
    return Error{m->card_.card_file.string() + ": field \"prompt_template\": " +
                 too_long(ids.size(), m->card_.name) + " with a one-line question"};
  }
  auto t = TorchModel::load(m->card_, device, m->tokenizer_->size(), ids);
  if (!t) return t.error();
  m->torch_ = std::make_unique<TorchModel>(std::move(*t));
  auto hash = card_fingerprint(m->card_);
  if (!hash) return hash.error();
  m->sha256_ = std::move(*hash);
  return std::shared_ptr<const TorchBackend>(std::move(m));
}

Result<ModelInput> TorchBackend::prepare(const data::Item& item, const std::filesystem::path& root,
                                         const data::Perturbation& condition,
                                         const std::string& prompt_template,
                                         std::uint64_t seed) const {
  ModelInput in;
  const bool show_image =
      card_.image && condition.kind != data::PerturbationKind::kNoImage && !item.image.empty();
  in.ids = tokenizer_->encode(render_prompt(
      prompt_template.empty() ? card_.prompt_template : prompt_template, item, show_image));
  if (in.ids.size() > kMaxPromptTokens) {
    return Error{"item \"" + item.id + "\": " + too_long(in.ids.size(), card_.name)};
  }
  std::string letters;
  for (const auto& o : item.options)
    letters += o.letter;
  auto opts = option_ids(card_, letters, "item \"" + item.id + "\"");
  if (!opts) return opts.error();
  in.option_ids = std::move(*opts);
  if (show_image) {
    auto img = data::load_image(item.image, root);
    if (!img) return prefixed(message("place.item_quoted", item.id), img.error());
    auto perturbed = data::apply_perturbation(*img, condition, seed);
    if (!perturbed) return prefixed(message("place.item_quoted", item.id), perturbed.error());
    if (perturbed->has_value()) {
      auto px = data::preprocess(**perturbed, card_.preprocess);
      if (!px) return prefixed(message("place.item_quoted", item.id), px.error());
      in.pixels = std::move(*px);
    }
  }
  return in;
}

Result<ModelInput> TorchBackend::prepare_prompt(const std::string& prompt,
                                                const data::RgbImage* image,
                                                std::string_view letters) const {
  ModelInput in;
  in.ids = tokenizer_->encode(prompt);
  if (in.ids.size() > kMaxPromptTokens) return Error{too_long(in.ids.size(), card_.name)};
  auto opts = option_ids(card_, letters, "the request");
  if (!opts) return opts.error();
  in.option_ids = std::move(*opts);
  if (image != nullptr && card_.image) {
    auto px = data::preprocess(*image, card_.preprocess);
    if (!px) return px.error();
    in.pixels = std::move(*px);
  }
  return in;
}

Result<std::vector<ScoreResult>> TorchBackend::score(const std::vector<ScoreRequest>& batch,
                                                     const std::atomic<bool>* cancel) const {
  using clock = std::chrono::steady_clock;
  std::vector<ScoreResult> results(batch.size());
  if (cancel && cancel->load()) {
    for (auto& r : results)
      r.status = ScoreResult::Status::kCancelled;
    return results;
  }
  std::vector<ModelInput> inputs;
  std::vector<std::size_t> which;
  for (std::size_t k = 0; k < batch.size(); ++k) {
    const ScoreRequest& q = batch[k];
    auto in = prepare(*q.item, q.root, q.condition, q.prompt_template, q.seed);
    if (!in) {
      results[k].status = ScoreResult::Status::kSkipped;
      results[k].error = in.error().message;
      continue;
    }
    inputs.push_back(std::move(*in));
    which.push_back(k);
  }
  const auto t0 = clock::now();
  auto out = torch_->run(inputs);
  if (!out) return out.error();
  const double per_item_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count() /
                             static_cast<double>(std::max<std::size_t>(1, inputs.size()));
  for (std::size_t k = 0; k < out->size() && k < which.size(); ++k) {
    ScoreResult& r = results[which[k]];
    r.output = std::move((*out)[k]);
    r.milliseconds = per_item_ms;
  }
  return results;
}

}  // namespace unveil::model
