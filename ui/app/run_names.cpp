#include "app/run_names.h"

#include <QCoreApplication>
#include <QStringList>

#include "data/perturb.h"

namespace unveil::ui {

namespace {

class RunNames {
  Q_DECLARE_TR_FUNCTIONS(RunNames)

 public:
  static QString number(double v) { return QString::number(v, 'g', 4); }

  static QString one(const std::string& spec) {
    const auto parsed = data::parse_perturbation(spec);
    if (!parsed.ok()) return QString::fromStdString(spec);
    const double a = parsed->amount;
    switch (parsed->kind) {
      case data::PerturbationKind::kOriginal:
        return tr("with the image");
      case data::PerturbationKind::kNoImage:
        return tr("text only");
      case data::PerturbationKind::kBlank:
        return tr("blank image");
      case data::PerturbationKind::kNoise:
        return tr("noise σ %1").arg(number(a));
      case data::PerturbationKind::kBlur:
        return tr("blur %1 px").arg(number(a));
      case data::PerturbationKind::kOcclude:
        return tr("%1 % covered").arg(number(100 * a));
      case data::PerturbationKind::kGrey:
        return tr("greyscale");
      case data::PerturbationKind::kJpeg:
        return tr("JPEG quality %1").arg(number(a));
    }
    return QString::fromStdString(spec);
  }

  static QString split(const std::string& s) {
    if (s.empty()) return tr("all items");
    if (s == "calibration") return tr("calibration");
    if (s == "test") return tr("test");
    if (s == "idk") return tr("unanswerable (IDK)");
    if (s == "train") return tr("train");
    if (s == "validation" || s == "val" || s == "dev") return tr("validation");
    return QString::fromStdString(s);
  }
};

}  // namespace

QString splitName(const std::string& split) {
  return RunNames::split(split);
}

QString conditionName(const std::string& condition) {
  if (condition.empty()) return RunNames::one("image");
  QStringList parts;
  std::size_t from = 0;
  while (from <= condition.size()) {
    const std::size_t comma = std::min(condition.find(',', from), condition.size());
    std::string part = condition.substr(from, comma - from);
    while (!part.empty() && part.front() == ' ')
      part.erase(part.begin());
    while (!part.empty() && part.back() == ' ')
      part.pop_back();
    if (!part.empty()) parts << RunNames::one(part);
    from = comma + 1;
  }
  return parts.isEmpty() ? QString::fromStdString(condition) : parts.join(QStringLiteral(" + "));
}

QString originName(analysis::RunOrigin origin) {
  switch (origin) {
    case analysis::RunOrigin::kReused:
      return RunNames::tr("reused");
    case analysis::RunOrigin::kResumed:
      return RunNames::tr("resumed");
    case analysis::RunOrigin::kCreated:
      return RunNames::tr("new");
  }
  return {};
}

QString conditionName(const store::RunInfo& info) {
  if (info.model_text_only && info.spec.condition == "image") return conditionName("text");
  return conditionName(info.spec.condition);
}

namespace {
// Whether the run has the name Unveil gives a run it makes.
bool namedByUnveil(const store::RunInfo& info) {
  const std::string given = info.model_name + " · " + info.dataset_name +
                            (info.spec.split.empty() ? "" : "/" + info.spec.split) + " · " +
                            info.spec.condition;
  return !info.model_name.empty() && info.spec.name == given;
}
}  // namespace

QString runName(const store::RunInfo& info) {
  return namedByUnveil(info) ? runTitle(info) : QString::fromStdString(info.spec.name);
}

QString runTitle(const store::RunInfo& info) {
  const QString dot = QStringLiteral(" · ");
  if (!namedByUnveil(info))
    return QString::fromStdString(info.spec.name) + dot + QString::fromStdString(info.dataset_name);
  return QString::fromStdString(info.model_name) + dot + QString::fromStdString(info.dataset_name) +
         dot + splitName(info.spec.split) + dot + conditionName(info);
}

}  // namespace unveil::ui
