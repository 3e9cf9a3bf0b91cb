#include "model/prompt.h"

namespace unveil::model {
namespace {
void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) {
    s.replace(p, from.size(), to);
  }
}
bool name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool name_char(char c) {
  return name_start(c) || (c >= '0' && c <= '9');
}
}  // namespace

std::string prompt_template_problem(std::string_view tmpl) {
  if (tmpl.size() > kMaxPromptTemplateChars) {
    return std::to_string(tmpl.size()) + " characters long; at most " +
           std::to_string(kMaxPromptTemplateChars) + " are allowed";
  }
  for (std::size_t p = tmpl.find('{'); p != std::string_view::npos; p = tmpl.find('{', p + 1)) {
    std::size_t e = p + 1;
    if (e >= tmpl.size() || !name_start(tmpl[e])) continue;
    while (e < tmpl.size() && name_char(tmpl[e]))
      ++e;
    if (e >= tmpl.size() || tmpl[e] != '}') continue;
    const std::string_view name = tmpl.substr(p, e - p + 1);
    bool known = false;
    std::string list;
    for (const char* k : kPromptPlaceholders) {
      known = known || name == k;
      list += (list.empty() ? "" : ", ") + std::string(k);
    }
    if (!known) return "unknown placeholder " + std::string(name) + " (known: " + list + ")";
  }
  return {};
}

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
