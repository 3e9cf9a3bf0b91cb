#include "model/model.h"

#include "model/openai_backend.h"
#include "model/torch_backend.h"

#include <fstream>

#include "util/sha256.h"

namespace unveil::model {

Result<std::string> card_fingerprint(const ModelCard& card) {
  if (card.backend == kBackendOpenAi) return openai_fingerprint(card.endpoint);
  std::ifstream f(card.model_path(), std::ios::binary);
  if (!f) return Error::from(message("model.cannot_read", card.model_path().string()));
  Sha256 h;
  char buf[1 << 16];
  while (f.read(buf, sizeof buf) || f.gcount() > 0)
    h.update(buf, static_cast<std::size_t>(f.gcount()));
  if (f.bad()) return Error::from(message("model.cannot_read", card.model_path().string()));
  return to_hex(h.finish());
}

Model::Model(std::shared_ptr<const Backend> backend)
    : backend_(std::move(backend)), torch_(dynamic_cast<const TorchBackend*>(backend_.get())) {}

Result<Model> Model::load(const std::filesystem::path& card_json, DeviceChoice device) {
  auto card = read_model_card(card_json);
  if (!card) return card.error();
  if (card->backend == kBackendOpenAi) {
    auto b = OpenAiBackend::load(*card);
    if (!b) return b.error();
    return Model(std::move(*b));
  }
  auto t = TorchBackend::load(*card, device);
  if (!t) return t.error();
  return Model(std::move(*t));
}

}  // namespace unveil::model
