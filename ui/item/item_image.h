// An item's image as the model would see it under a perturbation, made off the UI thread: a
// plain function that never throws, for QtConcurrent.
#pragma once

#include <QImage>
#include <QString>

#include "data/item.h"

namespace unveil::ui {

struct ItemImageResult {
  QImage image;     ///< null when there is no image to show
  QString message;  ///< why not: "No image", or the error reading or perturbing it
};

/// Loads `ref` (resolved below `root`) and applies `perturbation` (core's spec: "image", "text",
/// "blank", "noise:0.3", ...). The seed is fixed so that the preview matches a run's image.
ItemImageResult renderItemImage(const data::ImageRef& ref, const std::string& root,
                                const QString& perturbation);

/// The seed of the previews' random perturbations (noise, occlusion).
inline constexpr std::uint64_t kPreviewSeed = 0;

}  // namespace unveil::ui
