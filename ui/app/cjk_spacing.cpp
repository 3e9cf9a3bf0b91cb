#include "app/cjk_spacing.h"

namespace unveil::ui {

namespace {

bool isHan(QChar c) {
  return c.script() == QChar::Script_Han;
}
bool isLatinOrDigit(QChar c) {
  return c.unicode() < 0x80 && c.isLetterOrNumber();
}

}  // namespace

bool isCjk(QChar c) {
  const char16_t u = c.unicode();
  return (u >= 0x3000 && u <= 0x303F) || (u >= 0x3400 && u <= 0x9FFF) ||
         (u >= 0xFF00 && u <= 0xFFEF);
}

QString fillTranslated(const QString& words, const QStringList& args) {
  // One pass, as core fills its English (util/message.h), so that a parameter's own "%1" (a file
  // name) stays as it is. A space the template puts between a parameter and a neighbour is left
  // out where both sides are CJK ("第 1 个值 是 NaN" reads "第 1 个值是 NaN"); spaces inside a
  // parameter (a file name) are never touched.
  const auto argAt = [&](qsizetype i) -> const QString* {
    if (i + 1 >= words.size() || words[i] != u'%') return nullptr;
    const char16_t d = words[i + 1].unicode();
    if (d < u'1' || d > u'9') return nullptr;
    const qsizetype n = d - u'1';
    return n < args.size() ? &args[n] : nullptr;
  };
  QString out;
  out.reserve(words.size() + 32);
  for (qsizetype i = 0; i < words.size(); ++i) {
    if (const QString* a = argAt(i)) {
      out += *a;
      ++i;
      continue;
    }
    if (words[i] == u' ' && !out.isEmpty() && isCjk(out.back())) {
      const QString* next = argAt(i + 1);
      const bool cjkNext = next ? !next->isEmpty() && isCjk(next->front())
                                : i + 1 < words.size() && isCjk(words[i + 1]);
      if (cjkNext) continue;
    }
    out += words[i];
  }
  return out;
}

QString spacedScripts(const QString& text) {
  QString out;
  out.reserve(text.size() + 8);
  QChar last;               // the last character shown, outside markup
  qsizetype afterLast = 0;  // where in `out` it ends
  bool inTag = false;
  for (const QChar c : text) {
    if (inTag || c == QLatin1Char('<')) {
      inTag = c != QLatin1Char('>');
      out += c;
      continue;
    }
    if (!last.isNull() &&
        ((isHan(last) && isLatinOrDigit(c)) || (isLatinOrDigit(last) && isHan(c))))
      out.insert(afterLast, QLatin1Char(' '));
    out += c;
    last = c;
    afterLast = out.size();
  }
  return out;
}

}  // namespace unveil::ui
