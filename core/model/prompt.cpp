#include "model/prompt.h"

namespace unveil::model {
namespace {
void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) {
    s.replace(p, from.size(), to);
  }
}
}  // namespace

std::string render_prompt(const std::string& tmpl, const data::Item& item, bool with_image) {
  std::string options;
  for (const auto& o : item.options) {
    if (!options.empty()) options += "\n";
    options += std::string(1, o.letter) + ". " + o.text;
  }
  std::string s = tmpl;
  replace_all(s, "{image}", with_image ? "<image>\n" : "");
  replace_all(s, "{hint}", item.hint.empty() ? "" : item.hint + "\n");
  replace_all(s, "{question}", item.question);
  replace_all(s, "{options}", options);
  return s;
}

const std::vector<std::string>& uncertainty_inviting_templates() {
  static const std::vector<std::string> t = {
      "{image}{hint}{question}\n{options}\nIf you are not sure, choose I don't know.\nAnswer: (",
      "{image}{hint}{question}\n{options}\nAnswer only if the picture or the question tells you; "
      "otherwise choose I don't know.\nAnswer: (",
  };
  return t;
}

}  // namespace unveil::model
