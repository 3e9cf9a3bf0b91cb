#include "app/theme.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QHash>
#include <QPainter>
#include <QProxyStyle>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWindow>
#include <memory>

namespace unveil::ui {

namespace {

/// The dark counterpart of each colour of the light style sheet, by role.
const QHash<QString, QString>& darkColours() {
  static const QHash<QString, QString> map{
      {QStringLiteral("#f8fafc"), QStringLiteral("#1b1f26")},  // window
      {QStringLiteral("#ffffff"), QStringLiteral("#232830")},  // surfaces: tables, tool bar
      {QStringLiteral("#f6f8fb"), QStringLiteral("#272c35")},  // alternate rows
      {QStringLiteral("#f1f5f9"), QStringLiteral("#2a303a")},  // headers, dock titles
      {QStringLiteral("#eef2f7"), QStringLiteral("#2e3541")},  // hover, grid lines
      {QStringLiteral("#e5e7eb"), QStringLiteral("#363d49")},  // borders
      {QStringLiteral("#cbd5e1"), QStringLiteral("#4b5563")},  // button borders
      {QStringLiteral("#94a3b8"), QStringLiteral("#64748b")},  // hint rule
      {QStringLiteral("#0f172a"), QStringLiteral("#f8fafc")},  // strong text
      {QStringLiteral("#1f2937"), QStringLiteral("#e2e8f0")},  // text
      {QStringLiteral("#374151"), QStringLiteral("#cbd5e1")},  // secondary text
      {QStringLiteral("#4b5563"), QStringLiteral("#a0aec0")},  // muted text
      {QStringLiteral("#6b7280"), QStringLiteral("#a0aec0")},  // messages
      {QStringLiteral("#9ca3af"), QStringLiteral("#6b7280")},  // disabled text
      {QStringLiteral("#dbeafe"), QStringLiteral("#1e3a5f")},  // selection
      {QStringLiteral("#e8f0fb"), QStringLiteral("#1c2d42")},  // the browser's subset bar
      {QStringLiteral("#b8cce8"), QStringLiteral("#2f4a6b")},
      {QStringLiteral("#0072b2"), QStringLiteral("#0072b2")},  // accent: reads on both
      {QStringLiteral("#fef2f2"), QStringLiteral("#3b1f22")},  // error banner
      {QStringLiteral("#fecaca"), QStringLiteral("#7f2d2d")},
      {QStringLiteral("#991b1b"), QStringLiteral("#fca5a5")},
      {QStringLiteral("#fff7e6"), QStringLiteral("#3a2e16")},  // notes (synthetic, read-only)
      {QStringLiteral("#f5d28a"), QStringLiteral("#6b5220")},
      {QStringLiteral("#8a5a00"), QStringLiteral("#f2c46d")},
  };
  return map;
}

const QRegularExpression& hexColour() {
  static const QRegularExpression re(QStringLiteral("#[0-9A-Fa-f]{6}\\b"));
  return re;
}

QString lightSheet() {
  QFile file(QStringLiteral(":/style/unveil.qss"));
  return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// The application's state before the first apply(), and the look applied since.
struct State {
  bool captured = false;
  QString platformStyle;
  QString style;  ///< the style last set (style()->name() is empty under a style sheet)
  ThemeChoice choice = ThemeChoice::kSystem;
  bool sheetDark = false;
  bool sheetSet = false;
  bool applying = false;
  bool styleMade = false;  ///< style was made here (not the one the application started with)
};
State& state() {
  static State s;
  return s;
}

void setSheet(bool dark) {
  State& s = state();
  if (s.sheetSet && s.sheetDark == dark) return;
  s.sheetSet = true;
  s.sheetDark = dark;
  qApp->setStyleSheet(Theme::styleSheet(dark));
}

/// Fusion, with check boxes that can be seen in the dark look: Fusion outlines them in a shade of
/// the window colour, which on a dark window is nearly black on nearly black.
class ReadableIndicators : public QProxyStyle {
 public:
  using QProxyStyle::QProxyStyle;

  void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget) const override {
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool box = element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
    if (!box || option->palette.color(QPalette::Window).lightness() >= 128) return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor edge = option->palette.color(QPalette::Text);
    edge.setAlpha(option->state & State_Enabled ? 170 : 90);
    painter->setPen(QPen(edge, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
    painter->restore();
  }
};

void setStyleNamed(const QString& name) {
  State& s = state();
  // The platform's own Fusion (the default on many Linux desktops) is replaced once as well,
  // so that its check boxes get their visible edge.
  if (name.isEmpty() || (s.styleMade && s.style.compare(name, Qt::CaseInsensitive) == 0)) return;
  QStyle* made = QStyleFactory::create(name);
  if (!made) return;
  if (name.compare(QStringLiteral("Fusion"), Qt::CaseInsensitive) == 0)
    made = new ReadableIndicators(made);
  QApplication::setStyle(made);
  s.style = name;
  s.styleMade = true;
}

/// In System mode, follows the platform: its palette changed (or its theme, which changes the
/// palette), so the style sheet may have to change sides.
class PlatformWatcher : public QObject {
 public:
  using QObject::QObject;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    const bool paletteChanged =
        event->type() == QEvent::ApplicationPaletteChange && watched == qApp;
    const bool themeChanged = event->type() == QEvent::ThemeChange && watched->isWindowType();
    if ((paletteChanged || themeChanged) && state().choice == ThemeChoice::kSystem &&
        !state().applying)
      setSheet(Theme::isDark());
    return false;
  }
};

QColor pick(bool dark, QRgb light, QRgb darkColour) {
  return QColor::fromRgb(dark ? darkColour : light);
}

}  // namespace

void Theme::apply(ThemeChoice choice) {
  State& s = state();
  if (!s.captured) {
    s.captured = true;
    s.platformStyle = s.style = QApplication::style()->name();
    qApp->installEventFilter(new PlatformWatcher(qApp));
  }
  s.choice = choice;
  s.applying = true;
  switch (choice) {
    case ThemeChoice::kSystem:
      setStyleNamed(s.platformStyle);
      // A palette with nothing set resolves entirely against the platform's, and keeps
      // following it.
      QApplication::setPalette(QPalette());
      break;
    case ThemeChoice::kLight:
    case ThemeChoice::kDark:
      // Fusion draws with the palette on every platform (some native styles ignore it).
      setStyleNamed(QStringLiteral("Fusion"));
      QApplication::setPalette(choice == ThemeChoice::kDark ? darkPalette() : lightPalette());
      break;
  }
  s.applying = false;
  setSheet(isDark());
}

ThemeChoice Theme::choice() {
  return state().choice;
}

bool Theme::isDark() {
  return isDark(QApplication::palette());
}

bool Theme::isDark(const QPalette& palette) {
  return palette.color(QPalette::Window).lightness() < 128;
}

QPalette Theme::lightPalette() {
  const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
  QPalette p = fusion ? fusion->standardPalette() : QPalette();
  p.setColor(QPalette::Highlight, QColor(0x00, 0x72, 0xB2));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x00, 0x5A, 0x8E));
  return p;
}

QPalette Theme::darkPalette() {
  const QColor window(0x1b, 0x1f, 0x26);
  const QColor base(0x23, 0x28, 0x30);
  const QColor text(0xe2, 0xe8, 0xf0);
  const QColor disabled(0x6b, 0x72, 0x80);
  QPalette p;
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x27, 0x2c, 0x35));
  p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x30, 0x3a));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x95, 0xa5));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x2b, 0x31, 0x3b));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
  p.setColor(QPalette::Light, QColor(0x3b, 0x42, 0x4e));
  p.setColor(QPalette::Midlight, QColor(0x32, 0x38, 0x43));
  p.setColor(QPalette::Mid, QColor(0x27, 0x2c, 0x35));
  p.setColor(QPalette::Dark, QColor(0x14, 0x17, 0x1c));
  p.setColor(QPalette::Shadow, QColor(0x0a, 0x0c, 0x0f));
  p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xb2));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x56, 0xb4, 0xe9));  // Okabe–Ito sky blue
  p.setColor(QPalette::LinkVisited, QColor(0xcc, 0x79, 0xa7));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, disabled);
  p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3b, 0x42, 0x4e));
  p.setColor(QPalette::Disabled, QPalette::Base, window);
  p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x23, 0x28, 0x30));
  return p;
}

QString Theme::styleSheet(bool dark) {
  QString sheet = lightSheet();
  if (!dark) return sheet;
  const auto& map = darkColours();
  QString out;
  out.reserve(sheet.size());
  qsizetype last = 0;
  auto it = hexColour().globalMatch(sheet);
  while (it.hasNext()) {
    const QRegularExpressionMatch m = it.next();
    out += QStringView(sheet).mid(last, m.capturedStart() - last);
    out += map.value(m.captured().toLower(), m.captured());
    last = m.capturedEnd();
  }
  out += QStringView(sheet).mid(last);
  return out;
}

QStringList Theme::unmappedColours() {
  QStringList missing;
  const QString sheet = lightSheet();
  auto it = hexColour().globalMatch(sheet);
  while (it.hasNext()) {
    const QString colour = it.next().captured().toLower();
    if (!darkColours().contains(colour) && !missing.contains(colour)) missing << colour;
  }
  return missing;
}

QColor Theme::text(Tone tone) {
  const bool dark = isDark();
  switch (tone) {
    case Tone::kGood:
      return pick(dark, 0x047857, 0x34d399);
    case Tone::kBad:
      return pick(dark, 0xb91c1c, 0xf87171);
    case Tone::kCaution:
      return pick(dark, 0x8a5a00, 0xf2c46d);
    case Tone::kMuted:
      break;
  }
  return pick(dark, 0x6b7280, 0xa0aec0);
}

QColor Theme::tint(Tone tone) {
  const bool dark = isDark();
  switch (tone) {
    case Tone::kGood:
      return pick(dark, 0xe6f4ef, 0x173a2f);
    case Tone::kBad:
      return pick(dark, 0xfef2f2, 0x3b1f22);
    case Tone::kCaution:
      return pick(dark, 0xfff4e0, 0x3a2e16);
    case Tone::kMuted:
      break;
  }
  return pick(dark, 0xf1f5f9, 0x2a303a);
}

}  // namespace unveil::ui
