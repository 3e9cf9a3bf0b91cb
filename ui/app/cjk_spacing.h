// Where the window's Chinese (and any CJK text) puts spaces, in one place: none between two CJK
// characters, one between a Han character and a Latin letter or digit ("运行 5", "Brier 分数").
// Sentences are built from translated templates and parameters whose script the template cannot
// know; the two functions below mend the joins from either side: one leaves out a template's
// space that falls between CJK characters, the other adds the one a CJK template could not write.
#pragma once

#include <QString>
#include <QStringList>

namespace unveil::ui {

/// Written without spaces between words: CJK punctuation (U+3000–U+303F), the unified
/// ideographs and the full-width forms.
bool isCjk(QChar c);

/// `words` with %1..%9 replaced by `args` in one pass (a parameter's own "%1", in a file name,
/// stays as it is); a space of the template that falls between two CJK characters is left out
/// ("第 %1 个值 是 NaN" with "1" reads "第 1 个值是 NaN"); spaces inside a parameter are never
/// touched.
QString fillTranslated(const QString& words, const QStringList& args);

/// `text` with a space put between Han characters and Latin letters or digits where it has none
/// ("的准确率与ECE" reads "的准确率与 ECE"). Markup is skipped: the space goes before an opening
/// tag.
QString spacedScripts(const QString& text);

}  // namespace unveil::ui
