#include "model/model.h"

#include "data/image.h"
#include "model/prompt.h"

namespace unveil::model {
namespace {

std::string too_long(std::size_t tokens, const std::string& model) {
  return "the prompt is " + std::to_string(tokens) + " tokens long; " + model + " reads at most " +
         std::to_string(kMaxPromptTokens);
}

}  // namespace

Result<Model> Model::load(const std::filesystem::path& card_json, DeviceChoice device) {
  auto card = read_model_card(card_json);
  if (!card) return card.error();
  auto tok = load_tokenizer(*card);
  if (!tok) return tok.error();
  Model m;
  m.card_ = std::move(*card);
  m.tokenizer_ = std::move(*tok);
  data::Item sample;
  sample.question = "What is shown?";
  sample.options = {{'A', "one"}, {'B', "two"}};
  const auto ids =
      m.tokenizer_->encode(render_prompt(m.card_.prompt_template, sample, m.card_.image));
  if (ids.size() > kMaxPromptTokens) {
    return Error{m.card_.card_file.string() + ": field \"prompt_template\": " +
                 too_long(ids.size(), m.card_.name) + " with a one-line question"};
  }
  auto t = TorchModel::load(m.card_, device, m.tokenizer_->size(), ids);
  if (!t) return t.error();
  m.torch_ = std::make_shared<TorchModel>(std::move(*t));
  return m;
}

Result<ModelInput> Model::prepare(const data::Item& item, const std::filesystem::path& root,
                                  const data::Perturbation& condition,
                                  const std::string& prompt_template, std::uint64_t seed) const {
  ModelInput in;
  const bool show_image =
      card_.image && condition.kind != data::PerturbationKind::kNoImage && !item.image.empty();
  in.ids = tokenizer_->encode(render_prompt(
      prompt_template.empty() ? card_.prompt_template : prompt_template, item, show_image));
  if (in.ids.size() > kMaxPromptTokens) {
    return Error{"item \"" + item.id + "\": " + too_long(in.ids.size(), card_.name)};
  }
  for (const auto& o : item.options) {
    const auto it = card_.option_token_ids.find(o.letter);
    if (it == card_.option_token_ids.end()) {
      return Error{"item \"" + item.id + "\": the model " + card_.name +
                   " has no token for option " + std::string(1, o.letter)};
    }
    in.option_ids.push_back(it->second);
  }
  if (show_image) {
    auto img = data::load_image(item.image, root);
    if (!img) return Error{"item \"" + item.id + "\": " + img.error().message};
    auto perturbed = data::apply_perturbation(*img, condition, seed);
    if (!perturbed) return Error{"item \"" + item.id + "\": " + perturbed.error().message};
    if (perturbed->has_value()) {
      auto px = data::preprocess(**perturbed, card_.preprocess);
      if (!px) return Error{"item \"" + item.id + "\": " + px.error().message};
      in.pixels = std::move(*px);
    }
  }
  return in;
}

}  // namespace unveil::model
