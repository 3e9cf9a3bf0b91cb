// Hand-made datasets for the browser, item view and problems tests. Expected rows in the tests
// are worked out by hand from these definitions, not by running the filters.
#pragma once

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <memory>
#include <string>
#include <vector>

#include "data/item.h"

namespace unveil::ui::test {

inline data::Item makeItem(std::string id, std::string split, std::string category,
                           std::string question, std::vector<std::string> options, int answer,
                           int idk) {
  data::Item item;
  item.id = std::move(id);
  item.split = std::move(split);
  item.category = std::move(category);
  item.question = std::move(question);
  for (std::size_t k = 0; k < options.size(); ++k)
    item.options.push_back({static_cast<char>('A' + k), options[k]});
  item.answer = answer;
  item.idk_index = idk;
  return item;
}

/// Five items:
///   0 a1  train  colour  "What colour is the ball?"   red / blue / I don't know      gold A
///   1 a2  test   count   "How many cats are there?"   one / two / I don't know       gold C (IDK)
///   2 b3  test   colour  "Which one is the sky?"      Blue sky / grass / I don't know gold A
///   3 b4  idk    absent  "What is the dog's name?"    Rex / Max / I don't know       gold C (IDK)
///   4 c5  train  count   "How many suns?"             one / two / Unknown            gold A
inline std::shared_ptr<const data::Dataset> fiveItems() {
  auto d = std::make_shared<data::Dataset>();
  d->name = "five";
  d->items = {
      makeItem("a1", "train", "colour", "What colour is the ball?", {"red", "blue", "I don't know"},
               0, 2),
      makeItem("a2", "test", "count", "How many cats are there?", {"one", "two", "I don't know"}, 2,
               2),
      makeItem("b3", "test", "colour", "Which one is the sky?",
               {"Blue sky", "grass", "I don't know"}, 0, 2),
      makeItem("b4", "idk", "absent", "What is the dog's name?", {"Rex", "Max", "I don't know"}, 2,
               2),
      makeItem("c5", "train", "count", "How many suns?", {"one", "two", "Unknown"}, 0, 2),
  };
  return d;
}

/// A distinct little picture for item `i` (so each gets its own thumbnail).
inline QImage pictureFor(int i, int side = 96) {
  QImage image(side, side, QImage::Format_RGB888);
  image.fill(QColor::fromHsv((i * 37) % 360, 60, 245));
  QPainter p(&image);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor::fromHsv((i * 91) % 360, 200, 200));
  p.drawEllipse(QPoint(10 + (i * 7) % (side - 20), 10 + (i * 13) % (side - 20)), 9, 9);
  p.drawRect((i * 5) % (side - 16), (i * 11) % (side - 16), 14, 6 + i % 9);
  return image;
}

/// Writes `dir`/dataset.json, a LLaVA conversation JSON of `n` items whose images (`images`
/// distinct PNG files, used in turn) lie in `dir`/images. Returns the JSON's path.
inline QString writeLlavaDataset(const QString& dir, int n, int images) {
  QDir(dir).mkpath(QStringLiteral("images"));
  for (int i = 0; i < images; ++i)
    pictureFor(i).save(dir + QStringLiteral("/images/%1.png").arg(i), "PNG");
  QByteArray json = "[\n";
  for (int i = 0; i < n; ++i) {
    const bool idk = i % 7 == 0;
    json += QStringLiteral(
                "{\"id\": \"q%1\", \"image\": \"images/%2.png\", \"split\": \"%3\", "
                "\"category\": \"cat%4\", \"conversations\": [{\"from\": \"human\", \"value\": "
                "\"<image>\\nQuestion number %1 about the picture?\\nA. one\\nB. two\\nC. "
                "three\\nD. I don't know\"}, {\"from\": \"gpt\", \"value\": \"%5\"}]}%6\n")
                .arg(i)
                .arg(i % images)
                .arg(i % 2 ? QStringLiteral("test") : QStringLiteral("calibration"))
                .arg(i % 5)
                .arg(idk ? QStringLiteral("D") : QStringLiteral("B"))
                .arg(i + 1 < n ? QStringLiteral(",") : QString())
                .toUtf8();
  }
  json += "]\n";
  const QString path = dir + QStringLiteral("/dataset.json");
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return {};
  file.write(json);
  return path;
}

}  // namespace unveil::ui::test
