#include "item/item_image.h"

#include <QCoreApplication>
#include <exception>

#include "app/core_messages.h"
#include "data/image.h"
#include "data/perturb.h"

namespace unveil::ui {

/// The translation context of this file's messages.
class ItemImage {
  Q_DECLARE_TR_FUNCTIONS(ItemImage)
};

namespace {
QImage toQImage(const data::RgbImage& rgb) {
  QImage image(rgb.width, rgb.height, QImage::Format_RGB888);
  for (int y = 0; y < rgb.height; ++y)
    std::copy_n(rgb.pixel(0, y), 3 * static_cast<std::size_t>(rgb.width), image.scanLine(y));
  return image;
}
}  // namespace

ItemImageResult renderItemImage(const data::ImageRef& ref, const std::string& root,
                                const QString& perturbation) {
  ItemImageResult result;
  try {
    Result<data::Perturbation> p = data::parse_perturbation(perturbation.toStdString());
    if (!p.ok()) {
      result.message = coreText(p.error());
      return result;
    }
    if (p->kind == data::PerturbationKind::kNoImage) {
      result.message = ItemImage::tr("No image: the model is given the text alone");
      return result;
    }
    if (ref.empty()) {
      result.message = ItemImage::tr("This item has no image");
      return result;
    }
    Result<data::RgbImage> image = data::load_image(ref, root);
    if (!image.ok()) {
      result.message = coreText(image.error());
      return result;
    }
    Result<std::optional<data::RgbImage>> perturbed =
        data::apply_perturbation(*image, *p, kPreviewSeed);
    if (!perturbed.ok()) {
      result.message = coreText(perturbed.error());
      return result;
    }
    if (!perturbed->has_value()) {
      result.message = ItemImage::tr("No image: the model is given the text alone");
      return result;
    }
    result.image = toQImage(**perturbed);
  } catch (const std::exception& e) {
    result.message =
        ItemImage::tr("The image could not be shown: %1").arg(QString::fromUtf8(e.what()));
  }
  return result;
}

}  // namespace unveil::ui
