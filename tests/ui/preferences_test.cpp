// What is expected of a desktop application: the Preferences dialog over the typed settings,
// light and dark looks (windows and plots), and the recent files beyond projects. Driven
// offscreen with the settings in a scope of their own.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtTest>
#include <cmath>
#include <map>

#include "app/settings.h"
#include "app/settings_dialog.h"
#include "app/theme.h"
#include "calib/metrics.h"
#include "dataset_fixtures.h"
#include "plots/plot_export.h"
#include "plots/plot_theme.h"
#include "plots/reliability_diagram.h"
#include "run/batch_run_panel.h"
#include "run/model_library.h"
#include "session/calibration_session.h"
#include "test_support.h"
#include "window/dataset_session.h"
#include "window/main_window.h"
#include "window/preferences.h"
#include "window/project_actions.h"
#include "window/recent_files.h"

using namespace unveil;
using namespace unveil::ui;

namespace {

/// Lightness of the plot's pixel at (x, y) as drawn now.
int plotLightnessAt(PlotView& plot, int x, int y) {
  plot.replotNow();
  return plot.toPixmap(plot.width(), plot.height(), 1.0).toImage().pixelColor(x, y).lightness();
}

/// Relative luminance (WCAG 2): sRGB channels linearised, weighted by the eye's sensitivity.
double luminance(const QColor& c) {
  auto linear = [](double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

QAction* actionNamed(QMenu* menu, const QString& text) {
  for (QAction* a : menu->actions())
    if (a->text() == text) return a;
  return nullptr;
}

QStringList sectionTitles(QMenu* menu) {
  QStringList titles;
  for (QAction* a : menu->actions())
    if (a->isSeparator() && !a->text().isEmpty()) titles << a->text();
  return titles;
}

}  // namespace

namespace {

// The WCAG contrast ratio between an icon's ink (its mostly opaque pixels, averaged) and a
// background: 1 is invisible, 3 is the least for a graphic that must be seen.
double inkContrast(const QIcon& icon, QIcon::Mode mode, const QColor& background) {
  const QImage image =
      icon.pixmap(QSize(48, 48), mode).toImage().convertToFormat(QImage::Format_ARGB32);
  double r = 0, g = 0, b = 0;
  int n = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QColor p = image.pixelColor(x, y);
      if (p.alpha() < 200) continue;
      r += p.redF();
      g += p.greenF();
      b += p.blueF();
      ++n;
    }
  if (n == 0) return 1;
  const double ink = luminance(QColor::fromRgbF(float(r / n), float(g / n), float(b / n)));
  const double back = luminance(background);
  return (std::max(ink, back) + 0.05) / (std::min(ink, back) + 0.05);
}

}  // namespace

class PreferencesTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // keep the user's settings out of it
    QCoreApplication::setOrganizationName(QStringLiteral("UnveilPreferencesTest"));
    QCoreApplication::setApplicationName(QStringLiteral("UnveilPreferencesTest"));
    QSettings().clear();
    QVERIFY(test::installEnglish());
  }

  void init() { QSettings().clear(); }

  void cleanup() {
    Theme::apply(ThemeChoice::kSystem);
    qunsetenv("UNVEIL_LANG");
  }

  void dialogShowsTheSavedSettings() {
    Preferences saved;
    saved.theme = ThemeChoice::kDark;
    saved.metrics.bins = 15;
    saved.device = QStringLiteral("cpu");
    Settings::setPreferences(saved);
    SettingsDialog dialog;
    QCOMPARE(dialog.themeBox()->currentText(), QStringLiteral("Dark"));
    QCOMPARE(dialog.binsBox()->value(), 15);
    QCOMPARE(dialog.deviceBox()->currentData().toString(), QStringLiteral("cpu"));
    QVERIFY(dialog.preferences() == saved);
  }

  void fieldsRoundTripThroughTheDialog() {
    SettingsDialog dialog;
    QVERIFY(dialog.preferences() == Preferences());  // nothing saved yet: the defaults
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("zh_CN")));
    dialog.themeBox()->setCurrentIndex(2);  // System, Light, Dark
    dialog.binsBox()->setValue(20);
    dialog.binningBox()->setCurrentIndex(1);  // equal mass
    dialog.bootstrapBox()->setValue(1000);
    dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cuda")));
    dialog.batchBox()->setValue(8);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(Settings::language(), QStringLiteral("zh_CN"));
    QCOMPARE(Settings::theme(), ThemeChoice::kDark);
    QCOMPARE(Settings::metricsOptions().bins, 20);
    QCOMPARE(Settings::metricsOptions().binning, calib::Binning::kEqualMass);
    QCOMPARE(Settings::bootstrapReplicates(), 1000);
    QCOMPARE(Settings::runDevice(), QStringLiteral("cuda"));
    QCOMPARE(Settings::runBatchSize(), 8);
    // ... and stored under keys that a later start reads back.
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
  }

  void cancelChangesNothing() {
    SettingsDialog dialog;
    dialog.binsBox()->setValue(33);
    dialog.reject();
    QCOMPARE(Settings::metricsOptions().bins, Settings::kDefaultBins);
    QVERIFY(!QSettings().contains(QStringLiteral("analysis/bins")));
  }

  void restoreDefaultsPutsTheDefaultsBack() {
    Preferences odd;
    odd.language = QStringLiteral("en");
    odd.theme = ThemeChoice::kLight;
    odd.metrics = {25, calib::Binning::kEqualMass};
    odd.device = QStringLiteral("cpu");
    odd.batchSize = 4;
    odd.bootstrapReplicates = 500;
    Settings::setPreferences(odd);
    SettingsDialog dialog;
    QVERIFY(dialog.preferences() == odd);
    dialog.restoreDefaultsButton()->click();
    // The defaults, written down: the study's 10 equal-width bins, 200 resamples, batches of 32.
    QCOMPARE(dialog.languageBox()->currentData().toString(), QString());
    QCOMPARE(dialog.themeBox()->currentText(), QStringLiteral("System"));
    QCOMPARE(dialog.binsBox()->value(), 10);
    QCOMPARE(dialog.binningBox()->currentText(), QStringLiteral("Equal width"));
    QCOMPARE(dialog.bootstrapBox()->value(), 200);
    QCOMPARE(dialog.deviceBox()->currentData().toString(), QStringLiteral("auto"));
    QCOMPARE(dialog.batchBox()->value(), 32);
    QVERIFY(Settings::preferences() == odd);  // saved only with OK
    dialog.accept();
    QVERIFY(Settings::preferences() == Preferences());
  }

  void everyFieldExplainsItself() {
    SettingsDialog dialog;
    for (QWidget* field : std::initializer_list<QWidget*>{
             dialog.languageBox(), dialog.themeBox(), dialog.binsBox(), dialog.binningBox(),
             dialog.bootstrapBox(), dialog.deviceBox(), dialog.batchBox()})
      QVERIFY2(!field->toolTip().isEmpty(), qPrintable(field->objectName()));
  }

  void languageSaysWhenItTakesEffect() {
    qputenv("UNVEIL_LANG", "en");
    SettingsDialog forced;
    QVERIFY(forced.languageNote().contains(QStringLiteral("UNVEIL_LANG=en")));
    qunsetenv("UNVEIL_LANG");
    SettingsDialog dialog;
    QVERIFY(dialog.languageNote().isEmpty());
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("zh_CN")));
    QVERIFY(dialog.languageNote().contains(QStringLiteral("next start")));
  }

  void outOfRangeValuesAreClamped() {
    QSettings().setValue(QStringLiteral("runs/batchSize"), 0);
    QSettings().setValue(QStringLiteral("analysis/bootstrapReplicates"), 1'000'000);
    QSettings().setValue(QStringLiteral("runs/device"), QStringLiteral("tpu"));
    QCOMPARE(Settings::runBatchSize(), Settings::kMinBatchSize);
    QCOMPARE(Settings::bootstrapReplicates(), Settings::kMaxBootstrapReplicates);
    QCOMPARE(Settings::runDevice(), QStringLiteral("auto"));
  }

  void preferencesApplyToTheWindow() {
    MainWindow window;
    Preferences p;
    p.metrics = {12, calib::Binning::kEqualMass};
    p.device = QStringLiteral("cpu");
    p.batchSize = 7;
    p.bootstrapReplicates = 400;
    applyPreferences(&window, p);
    QCOMPARE(window.session()->options().bins, 12);
    QCOMPARE(window.session()->options().binning, calib::Binning::kEqualMass);
    QCOMPARE(window.session()->bootstrapReplicates(), 400);
    QCOMPARE(window.batchRunPanel()->device(), QStringLiteral("cpu"));
    QCOMPARE(window.batchRunPanel()->batchSize(), 7);
    QCOMPARE(window.models()->device(), QStringLiteral("cpu"));
  }

  void okInPreferencesAppliesAtOnce() {
    MainWindow window;
    window.show();
    window.batchRunPanel()->setDevice(QStringLiteral("cpu"));  // chosen by hand
    QTimer::singleShot(0, &window, [] {
      auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
      QVERIFY(dialog);
      dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findText(QStringLiteral("Dark")));
      dialog->batchBox()->setValue(16);
      dialog->accept();
    });
    // Should the dialog not come up as expected, the test fails rather than hangs.
    QTimer::singleShot(10'000, &window, [] {
      if (QWidget* modal = QApplication::activeModalWidget()) modal->close();
    });
    QVERIFY(editPreferences(&window));
    QVERIFY(Theme::isDark());
    QCOMPARE(window.batchRunPanel()->batchSize(), 16);
    QCOMPARE(window.batchRunPanel()->device(), QStringLiteral("cpu"));  // unchanged: kept
  }

  void editMenuOffersPreferences() {
    MainWindow window;
    QAction* preferences = nullptr;
    for (QAction* menu : window.menuBar()->actions())
      if (menu->menu() && menu->text() == QStringLiteral("&Edit"))
        preferences = actionNamed(menu->menu(), QStringLiteral("&Preferences…"));
    QVERIFY(preferences);
    QVERIFY(preferences->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    QVERIFY(!preferences->toolTip().isEmpty());
  }

  // --- Themes ---

  void darkThemeDarkensTheWindowAndThePlots() {
    ReliabilityDiagram plot;
    plot.resize(400, 300);
    plot.setTable(calib::BinTable{}, QStringLiteral("empty"));
    QVERIFY(plotLightnessAt(plot, 3, 3) > 200);  // light to begin with (offscreen is light)

    Theme::apply(ThemeChoice::kDark);
    QCOMPARE(Theme::choice(), ThemeChoice::kDark);
    QVERIFY(Theme::isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 60);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 200);
    QVERIFY(theme::plotPalette().background.lightness() < 60);
    QVERIFY(theme::plotPalette().text.lightness() > 200);
    // The plot itself: background, and its axis labels in the light text colour.
    QVERIFY(plotLightnessAt(plot, 3, 3) < 60);
    const QCPAxis* y = plot.axisRect(0)->axis(QCPAxis::atLeft);
    QCOMPARE(y->labelColor(), theme::darkPlotPalette().text);
    // The style sheet's surfaces are dark too.
    QVERIFY(qApp->styleSheet().contains(QStringLiteral("#1b1f26")));
    QVERIFY(!qApp->styleSheet().contains(QStringLiteral("#ffffff"), Qt::CaseInsensitive));

    // An exported picture takes the light look (it goes into a document), the plot on screen
    // stays dark.
    const QString png = QDir(QDir::tempPath()).filePath(QStringLiteral("unveil-dark-export.png"));
    QCOMPARE(exportPlot(&plot, png, PlotFormat::kPng, QSize(400, 300)), QString());
    QImage exported(png);
    QVERIFY(!exported.isNull());
    QVERIFY(exported.pixelColor(6, 6).lightness() > 200);
    QFile::remove(png);
    QCOMPARE(y->labelColor(), theme::darkPlotPalette().text);
    QVERIFY(plotLightnessAt(plot, 3, 3) < 60);

    Theme::apply(ThemeChoice::kLight);
    QVERIFY(!Theme::isDark());
    QVERIFY(plotLightnessAt(plot, 3, 3) > 200);
    QCOMPARE(y->labelColor(), theme::kText);
  }

  // The line icons were drawn dark grey in every look: on the dark tool bar (icon-only at 1280 px)
  // they could hardly be seen, and the browser's Export… button seemed to have none. They follow
  // the look: light strokes on dark, dark strokes on light.
  void iconsStandOutFromTheWindowInEitherLook() {
    for (const ThemeChoice look : {ThemeChoice::kDark, ThemeChoice::kLight}) {
      Theme::apply(look);
      MainWindow window;
      const QColor background = QApplication::palette().color(QPalette::Window);
      auto* tools = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
      QVERIFY(tools);
      int icons = 0;
      for (QAction* action : tools->actions()) {
        if (action->icon().isNull()) continue;
        const double contrast = inkContrast(action->icon(), QIcon::Normal, background);
        QVERIFY2(contrast >= 3,
                 qPrintable(action->text() + QStringLiteral(": ") + QString::number(contrast)));
        ++icons;
      }
      QVERIFY(icons >= 3);
      QPushButton* exportButton = nullptr;
      for (QPushButton* b : window.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Export…")) exportButton = b;
      QVERIFY(exportButton);
      // Enabled it reads as the text does; disabled, as the disabled text does (faint, but
      // there).
      const double normal = inkContrast(exportButton->icon(), QIcon::Normal, background);
      QVERIFY2(normal >= 3, qPrintable(QString::number(normal)));
      const QColor disabledText =
          QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
      const double disabled = inkContrast(exportButton->icon(), QIcon::Disabled, background);
      const double textContrast =
          (std::max(luminance(disabledText), luminance(background)) + 0.05) /
          (std::min(luminance(disabledText), luminance(background)) + 0.05);
      QVERIFY2(disabled >= 0.9 * textContrast,
               qPrintable(QString::number(disabled) + QStringLiteral(" < ") +
                          QString::number(textContrast)));
    }
  }

  void uncheckedBoxesShowInTheDarkLook() {
    Theme::apply(ThemeChoice::kDark);
    QWidget host;
    auto* layout = new QVBoxLayout(&host);
    auto* box = new QCheckBox(QStringLiteral("Run 1"), &host);
    layout->addWidget(box);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    const QImage image = box->grab().toImage();
    QStyleOptionButton option;
    option.initFrom(box);
    const QRect indicator =
        box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
    QVERIFY(!indicator.isEmpty());
    // The box's edge stands out from the window around it.
    const int window = host.palette().color(QPalette::Window).lightness();
    int contrast = 0;
    for (int x = indicator.left(); x <= indicator.right(); ++x)
      for (int y :
           {indicator.top(), indicator.top() + 1, indicator.bottom() - 1, indicator.bottom()})
        if (image.rect().contains(x, y))
          contrast = std::max(contrast, std::abs(image.pixelColor(x, y).lightness() - window));
    QVERIFY2(contrast >= 80, qPrintable(QString::number(contrast)));
    Theme::apply(ThemeChoice::kLight);
  }

  void systemFollowsThePlatformPalette() {
    Theme::apply(ThemeChoice::kDark);
    Theme::apply(ThemeChoice::kSystem);
    QVERIFY(!Theme::isDark());  // the offscreen platform's palette is light
    QVERIFY(!qApp->styleSheet().contains(QStringLiteral("#1b1f26")));
    // The platform turns dark (as a desktop's dark mode does): the sheet follows.
    QApplication::setPalette(Theme::darkPalette());
    QTRY_VERIFY(qApp->styleSheet().contains(QStringLiteral("#1b1f26")));
    QApplication::setPalette(QPalette());
    QTRY_VERIFY(!qApp->styleSheet().contains(QStringLiteral("#1b1f26")));
  }

  void darkSheetLeavesNoLightColourBehind() {
    QCOMPARE(Theme::unmappedColours(), QStringList());
    const QString dark = Theme::styleSheet(true);
    QVERIFY(!dark.isEmpty());
    QVERIFY(!dark.contains(QStringLiteral("#ffffff"), Qt::CaseInsensitive));
  }

  void plotPalettesKeepTheirRolesApart() {
    // recolorPlot recognises a role by its colour, so no colour may serve two roles.
    std::map<QRgb, int> role;
    int i = 0;
    for (const auto& p : {theme::lightPlotPalette(), theme::darkPlotPalette()}) {
      i = 0;
      for (const QColor& c :
           {p.background, p.text, p.mutedText, p.grid, p.axis, p.accuracy, p.overConfident,
            p.underConfident, p.comparison, p.reference, p.counts}) {
        const auto [it, inserted] = role.emplace(c.rgb(), i);
        QVERIFY2(inserted || it->second == i, qPrintable(c.name()));
        ++i;
      }
    }
  }

  void toneColoursReadOnBothLooks() {
    // WCAG's contrast ratio of text on the table's background: at least 4.5 for body text.
    for (ThemeChoice look : {ThemeChoice::kLight, ThemeChoice::kDark}) {
      Theme::apply(look);
      const double base = luminance(QApplication::palette().color(QPalette::Base));
      for (auto tone : {Theme::Tone::kGood, Theme::Tone::kBad, Theme::Tone::kCaution}) {
        const double text = luminance(Theme::text(tone));
        const double ratio = (std::max(text, base) + 0.05) / (std::min(text, base) + 0.05);
        QVERIFY2(ratio >= 4.5, qPrintable(Theme::text(tone).name()));
      }
    }
  }

  // --- Recent files ---

  void recentFilesKeepOrderWithoutRepeatsUpToTheLimit() {
    const auto kind = RecentKind::kDataset;
    Settings::addRecentFile(kind, QStringLiteral("/a.json"));
    Settings::addRecentFile(kind, QStringLiteral("/b.json"));
    Settings::addRecentFile(kind, QStringLiteral("/a.json"));  // again: first, once
    QCOMPARE(Settings::recentFiles(kind),
             (QStringList{QStringLiteral("/a.json"), QStringLiteral("/b.json")}));
    QVERIFY(Settings::recentFiles(RecentKind::kModel).isEmpty());  // kinds apart
    for (int i = 0; i < Settings::kMaxRecentFiles + 3; ++i)
      Settings::addRecentFile(kind, QStringLiteral("/f%1.json").arg(i));
    const QStringList files = Settings::recentFiles(kind);
    QCOMPARE(files.size(), Settings::kMaxRecentFiles);
    QCOMPARE(files.first(), QStringLiteral("/f%1.json").arg(Settings::kMaxRecentFiles + 2));
    QVERIFY(!files.contains(QStringLiteral("/a.json")));  // the oldest went first

    Settings::addRecentProject(QStringLiteral("/p.unveil"));
    Settings::addRecentFile(RecentKind::kModel, QStringLiteral("/m.json"));
    Settings::clearRecent();
    QVERIFY(Settings::recentProjects().isEmpty());
    QVERIFY(!RecentFiles::hasAny());
  }

  void openingADatasetPutsItInTheRecentMenu() {
    QTemporaryDir dir;
    const QString path = test::writeLlavaDataset(dir.path(), 6, 2);
    MainWindow window;
    window.openDataset(path);
    QTRY_VERIFY_WITH_TIMEOUT(window.datasets()->dataset().has_value(), 20'000);
    QCOMPARE(Settings::recentFiles(RecentKind::kDataset), QStringList{path});
    QVERIFY(window.projectActions()->recentMenu()->isEnabled());

    ProjectActions* actions = window.projectActions();
    actions->fillRecent();
    QMenu* menu = actions->recentMenu();
    QCOMPARE(sectionTitles(menu), QStringList{QStringLiteral("Datasets")});
    QAction* entry = actionNamed(menu, QStringLiteral("dataset.json"));
    QVERIFY(entry);
    QCOMPARE(entry->toolTip(), path);
  }

  void openRecentOpensADataset() {
    QTemporaryDir dir;
    const QString path = test::writeLlavaDataset(dir.path(), 6, 2);
    Settings::addRecentFile(RecentKind::kDataset, path);
    Settings::addRecentProject(dir.filePath(QStringLiteral("gone.unveil")));  // not on disk
    MainWindow window;
    ProjectActions* actions = window.projectActions();
    actions->fillRecent();
    QMenu* menu = actions->recentMenu();
    QCOMPARE(sectionTitles(menu),
             (QStringList{QStringLiteral("Projects"), QStringLiteral("Datasets")}));
    QVERIFY(!actionNamed(menu, QStringLiteral("gone.unveil"))->isEnabled());
    QAction* entry = actionNamed(menu, QStringLiteral("dataset.json"));
    QVERIFY(entry && entry->isEnabled());
    entry->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.datasets()->dataset().has_value(), 20'000);
    QCOMPARE(window.datasets()->dataset()->path, path);
    QCOMPARE(window.datasets()->dataset()->dataset->items.size(), std::size_t{6});

    // Clear the list forgets the projects and the files.
    actions->fillRecent();
    actionNamed(menu, QStringLiteral("Clear the list"))->trigger();
    QVERIFY(Settings::recentProjects().isEmpty());
    QVERIFY(!RecentFiles::hasAny());
    QVERIFY(!menu->isEnabled());
  }

  void sameNamesAreToldApartByTheirFolder() {
    Settings::addRecentFile(RecentKind::kPredictions, QStringLiteral("/runs/a/test.jsonl"));
    Settings::addRecentFile(RecentKind::kPredictions, QStringLiteral("/runs/b/test.jsonl"));
    MainWindow window;
    QMenu menu;
    window.projectActions()->recentFiles()->addSections(&menu);
    QVERIFY(actionNamed(&menu, QStringLiteral("test.jsonl — a")));
    QVERIFY(actionNamed(&menu, QStringLiteral("test.jsonl — b")));
  }

  void screenshotsRememberNothing() {
    QTemporaryDir dir;
    const QString path = test::writeLlavaDataset(dir.path(), 3, 1);
    MainWindow window;
    window.setRemembersSettings(false);
    window.openDataset(path);
    QTRY_VERIFY_WITH_TIMEOUT(window.datasets()->dataset().has_value(), 20'000);
    QVERIFY(!RecentFiles::hasAny());
  }
};

QTEST_MAIN(PreferencesTest)
#include "preferences_test.moc"
