// Prompt templates: how an item becomes the text a model reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "data/item.h"

namespace unveil::model {

/// The study's prompt: the question with its options, then "Please provide the option letter
/// directly.", then "Answer: (". Placeholders: {hint}, {question}, {options} (one "A. text" per
/// line), {image} (the "<image>" token, only when the run shows an image).
constexpr const char* kStudyTemplate =
    "{image}{hint}{question}\n{options}\nPlease provide the option letter directly.\nAnswer: (";

/// The placeholders a template may hold.
inline constexpr const char* kPromptPlaceholders[] = {"{image}", "{hint}", "{question}",
                                                      "{options}"};

/// The longest template a model card may hold, in characters (bytes of UTF-8).
inline constexpr std::size_t kMaxPromptTemplateChars = 100000;

/// "" when `tmpl` is at most kMaxPromptTemplateChars long and every placeholder in it (a `{`, a
/// letter or `_`, letters, digits or `_`, and `}`) is one of kPromptPlaceholders; otherwise the
/// problem ("unknown placeholder {evil} (known: {image}, ...)"). Other braces are text.
std::string prompt_template_problem(std::string_view tmpl);

/// Renders a template for an item. Unknown placeholders are left as they are.
std::string render_prompt(const std::string& tmpl, const data::Item& item, bool with_image);

/// Wordings that invite admitting uncertainty (the IDK analysis compares them with the study's).
const std::vector<std::string>& uncertainty_inviting_templates();

}  // namespace unveil::model
