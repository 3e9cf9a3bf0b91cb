#include "calib/prediction_formats.h"
#include "cli/commands.h"

#include <nlohmann/json.hpp>

#include "data/question_text.h"
#include "util/mapped_file.h"

namespace unveil::cli {

Result<calib::MetricsOptions> metrics_options(const Args& a) {
  calib::MetricsOptions o;
  auto bins = int_option(a, "--bins", 10, 1, 10000);
  if (!bins) return bins.error();
  o.bins = static_cast<int>(*bins);
  if (const auto b = a.get("--binning")) {
    if (*b == "width") {
      o.binning = calib::Binning::kEqualWidth;
    } else if (*b == "mass") {
      o.binning = calib::Binning::kEqualMass;
    } else {
      return Error{"option --binning needs \"width\" or \"mass\"; found \"" + *b + "\""};
    }
  }
  return o;
}

Result<calib::Recipe> recipe_options(const Args& a) {
  const std::string name = a.get("--recipe").value_or("unveil");
  if (name == "study") {
    for (const char* o : {"--bins", "--binning", "--confidence", "--unanswered"}) {
      if (a.has(o)) {
        return Error{std::string(o) +
                     " cannot be combined with --recipe study, which fixes it (10 equal-width "
                     "bins, the vocabulary confidence, unanswered items dropped)"};
      }
    }
    return calib::study_recipe();
  }
  auto m = metrics_options(a);
  if (!m) return m.error();
  auto r = calib::recipe_by_name(name, *m);
  if (!r) return Error{"option --recipe: " + r.error().message};
  if (const auto c = a.get("--confidence")) {
    if (*c == "options") {
      r->scoring.confidence = calib::ConfidenceKind::kOptions;
    } else if (*c == "vocab") {
      r->scoring.confidence = calib::ConfidenceKind::kVocab;
    } else {
      return Error{"option --confidence needs \"options\" or \"vocab\"; found \"" + *c + "\""};
    }
  }
  if (const auto u = a.get("--unanswered")) {
    if (*u == "wrong") {
      r->scoring.unanswered = calib::UnansweredPolicy::kWrong;
    } else if (*u == "drop") {
      r->scoring.unanswered = calib::UnansweredPolicy::kDrop;
    } else {
      return Error{"option --unanswered needs \"wrong\" or \"drop\"; found \"" + *u + "\""};
    }
  }
  return *r;
}

Result<DatasetArgs> dataset_args(const Args& a) {
  DatasetArgs d;
  if (const auto f = a.get("--dataset-format")) {
    const auto parsed = data::parse_dataset_format(*f);
    if (!parsed) return Error{"unknown --dataset-format \"" + *f + "\""};
    d.format = *parsed;
  }
  if (const auto dir = a.get("--images")) d.options.images_dir = *dir;
  if (const auto f = a.get("--answers")) d.answers = *f;
  if (const auto list = a.get("--idk-phrases")) {
    std::vector<std::string> phrases;
    std::size_t start = 0;
    while (start <= list->size()) {
      const std::size_t end = std::min(list->find(';', start), list->size());
      const std::string phrase(data::trim(std::string_view(*list).substr(start, end - start)));
      if (!phrase.empty()) phrases.push_back(phrase);
      start = end + 1;
    }
    d.options.idk = data::IdkMatcher(std::move(phrases));
  }
  return d;
}

Result<bool> wants_json(const Args& a) {
  const auto f = a.get("--format");
  if (!f || *f == "text") return false;
  if (*f == "json") return true;
  return Error{"option --format needs \"json\" or \"text\"; found \"" + *f + "\""};
}

Result<Loaded> load_predictions(const std::string& file, const Args& a) {
  calib::JsonlReadOptions ro;
  ro.skip_invalid = a.flags.count("--skip-invalid") > 0;
  Loaded l;
  auto set = calib::read_predictions_any(file, ro, &l.report);
  if (!set) return set.error();
  l.set = std::move(*set);
  if (const auto split = a.get("--split")) {
    l.set = l.set.filter_split(*split);
    if (l.set.empty()) return Error{file + ": no prediction has split \"" + *split + "\""};
  }
  if (l.set.empty()) return Error{file + ": the file holds no predictions"};
  return l;
}

void add_skip_report(nlohmann::ordered_json& j, const calib::JsonlReadReport& r) {
  j["skipped"] = r.skipped;
  nlohmann::ordered_json p = nlohmann::ordered_json::array();
  for (const auto& x : r.problems)
    p.push_back(x.message);
  j["problems"] = p;
}

Result<std::string> prompt_option(const Args& a) {
  const auto p = a.get("--prompt");
  if (!p || p->empty() || (*p)[0] != '@') return p.value_or("");
  auto f = MappedFile::open(p->substr(1));
  if (!f) return f.error();
  return std::string(f->text());
}

}  // namespace unveil::cli
