#include "startup/unveil_app.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QTranslator>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "app/session_log.h"
#include "app/settings.h"
#include "app/theme.h"
#include "session/calibration_session.h"
#include "window/main_window.h"
#include "window/preferences.h"

namespace unveil::ui {

namespace {

// A screenshot gives up when nothing has moved for this long: no progress from a demo build
// (which reports several times a minute even on a busy machine), or a window still busy.
constexpr int kScreenshotPatienceMs = 120'000;
constexpr int kDemoScreenshotPatienceMs = 300'000;
constexpr int kPollMs = 50;
constexpr int kQuietTicks = 4;

struct Options {
  QString predictions, calibration, screenshot, language, project, dataset, model;
  MainWindow::View view = MainWindow::View::kCalibration;
  QSize size{1400, 900};
  std::optional<calib::MetricsOptions> metrics;
  std::optional<ThemeChoice> theme;
  bool demo = false;
  DemoSetupOptions demoOptions;
  std::optional<int> patienceMs;  ///< --screenshot-patience, for tests
};

bool wantsScreenshot(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--screenshot") == 0 ||
        std::strncmp(argv[i], "--screenshot=", 13) == 0)
      return true;
  return false;
}

// --help, --help-all and --version only print: they need no display either.
bool onlyPrints(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i)
    for (const char* option : {"-h", "--help", "--help-all", "-v", "--version", "-?"})
      if (std::strcmp(argv[i], option) == 0) return true;
  return false;
}

// Whether Qt can reach a display: a platform chosen by the caller, an X or a Wayland display.
bool hasDisplay() {
  return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
         !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void fail(const QString& message) {
  std::fprintf(stderr, "unveil: %s\n", qUtf8Printable(message));
  std::exit(2);
}

Options parseCommandLine(const QApplication& app) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate(
      "unveil::ui::App", "A workbench for the calibration of multimodal language models."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      QStringLiteral("predictions"),
      QApplication::translate("unveil::ui::App",
                              "Predictions JSONL to open (default: the synthetic example)."),
      QStringLiteral("[PRED.jsonl]"));
  const QCommandLineOption calibration(
      QStringLiteral("calibration"),
      QApplication::translate("unveil::ui::App",
                              "Calibration split to fit a temperature on (fitted at once)."),
      QStringLiteral("CAL.jsonl"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QApplication::translate("unveil::ui::App",
                              "Render the window offscreen once everything is computed, save it "
                              "as FILE (PNG) and exit."),
      QStringLiteral("FILE"));
  const QCommandLineOption size(
      QStringLiteral("size"),
      QApplication::translate("unveil::ui::App",
                              "Window size for --screenshot (default 1400x900)."),
      QStringLiteral("WxH"));
  const QCommandLineOption bins(
      QStringLiteral("bins"), QApplication::translate("unveil::ui::App", "Number of bins (2–50)."),
      QStringLiteral("N"));
  const QCommandLineOption binning(
      QStringLiteral("binning"),
      QApplication::translate("unveil::ui::App", "Binning: width or mass."),
      QStringLiteral("KIND"));
  const QCommandLineOption language(
      QStringLiteral("lang"),
      QApplication::translate("unveil::ui::App",
                              "User interface language, e.g. zh_CN or en (default: the system's)."),
      QStringLiteral("LANG"));
  const QCommandLineOption theme(
      QStringLiteral("theme"),
      QApplication::translate("unveil::ui::App",
                              "Look: system, light or dark (default: as set in Preferences; "
                              "light for --screenshot)."),
      QStringLiteral("THEME"));
  const QCommandLineOption view(
      QStringLiteral("view"),
      QApplication::translate("unveil::ui::App",
                              "View for --screenshot: calibration (default), browser, item, runs, "
                              "problems or compare (the project's test runs compared)."),
      QStringLiteral("NAME"));
  const QCommandLineOption project(
      QStringLiteral("project"),
      QApplication::translate("unveil::ui::App",
                              "Project to open (its newest run is shown unless predictions are "
                              "given)."),
      QStringLiteral("FILE.unveil"));
  const QCommandLineOption dataset(
      QStringLiteral("dataset"),
      QApplication::translate("unveil::ui::App",
                              "Dataset to browse: LLaVA JSON, LLaVA questions JSONL or MMBench "
                              "TSV."),
      QStringLiteral("FILE"));
  const QCommandLineOption model(
      QStringLiteral("model"),
      QApplication::translate("unveil::ui::App",
                              "Model card (JSON) to run items with; with --view item the "
                              "screenshot shows its answer to the chosen item."),
      QStringLiteral("CARD"));
  const QCommandLineOption demo(
      QStringLiteral("demo"),
      QApplication::translate("unveil::ui::App",
                              "Open the demo project, building it first when it is not there "
                              "(what the first launch does)."));
  const QCommandLineOption demoDir(
      QStringLiteral("demo-dir"),
      QApplication::translate("unveil::ui::App",
                              "Folder of the demo project (default: in the application data)."),
      QStringLiteral("DIR"));
  // For tests and quick looks: a smaller demo (fewer items, fewer epochs).
  QCommandLineOption demoSize(QStringLiteral("demo-size"),
                              QApplication::translate("unveil::ui::App",
                                                      "Training items of the demo's shapes "
                                                      "world (default 6000)."),
                              QStringLiteral("N"));
  QCommandLineOption demoEpochs(
      QStringLiteral("demo-epochs"),
      QApplication::translate("unveil::ui::App", "Epochs of every demo training stage."),
      QStringLiteral("E"));
  QCommandLineOption patience(
      QStringLiteral("screenshot-patience"),
      QApplication::translate("unveil::ui::App",
                              "Milliseconds --screenshot waits with nothing moving before it "
                              "gives up."),
      QStringLiteral("MS"));
  demoSize.setFlags(QCommandLineOption::HiddenFromHelp);
  demoEpochs.setFlags(QCommandLineOption::HiddenFromHelp);
  patience.setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOptions({calibration, screenshot, size, bins, binning, language, theme, view, project,
                     dataset, model, demo, demoDir, demoSize, demoEpochs, patience});
  parser.process(app);

  Options options;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() > 1) fail(QStringLiteral("expected at most one predictions file"));
  if (!positional.isEmpty()) options.predictions = positional.constFirst();
  options.calibration = parser.value(calibration);
  if (!options.calibration.isEmpty() && options.predictions.isEmpty())
    fail(QStringLiteral("--calibration needs a predictions file to apply the temperature to"));
  options.screenshot = parser.value(screenshot);
  options.project = parser.value(project);
  options.dataset = parser.value(dataset);
  options.model = parser.value(model);
  options.demo = parser.isSet(demo);
  options.demoOptions.dir = parser.isSet(demoDir) ? parser.value(demoDir) : DemoSetup::defaultDir();
  if (parser.isSet(demoSize)) {
    bool ok = false;
    options.demoOptions.train = parser.value(demoSize).toInt(&ok);
    if (!ok || options.demoOptions.train < 12 || options.demoOptions.train > 1'000'000)
      fail(QStringLiteral("--demo-size expects a number from 12 to 1000000"));
  }
  if (parser.isSet(demoEpochs)) {
    bool ok = false;
    options.demoOptions.epochs = parser.value(demoEpochs).toInt(&ok);
    if (!ok || options.demoOptions.epochs < 1 || options.demoOptions.epochs > 1000)
      fail(QStringLiteral("--demo-epochs expects a number from 1 to 1000"));
  }
  if (parser.isSet(patience)) {
    bool ok = false;
    options.patienceMs = parser.value(patience).toInt(&ok);
    if (!ok || *options.patienceMs < 1)
      fail(QStringLiteral("--screenshot-patience expects a number of milliseconds"));
  }
  if (options.demo && (!options.project.isEmpty() || !options.predictions.isEmpty()))
    fail(QStringLiteral("--demo opens the demo project: leave out --project and predictions"));
  if (parser.isSet(view)) {
    const QString name = parser.value(view);
    if (name == QLatin1String("calibration"))
      options.view = MainWindow::View::kCalibration;
    else if (name == QLatin1String("browser"))
      options.view = MainWindow::View::kBrowser;
    else if (name == QLatin1String("item"))
      options.view = MainWindow::View::kItem;
    else if (name == QLatin1String("runs"))
      options.view = MainWindow::View::kRuns;
    else if (name == QLatin1String("problems"))
      options.view = MainWindow::View::kProblems;
    else if (name == QLatin1String("compare"))
      options.view = MainWindow::View::kCompare;
    else
      fail(QStringLiteral("--view expects calibration, browser, item, runs, problems or compare"));
    if (options.screenshot.isEmpty()) fail(QStringLiteral("--view needs --screenshot"));
  }
  options.language = parser.value(language);
  if (parser.isSet(theme)) {
    const QString name = parser.value(theme);
    if (name == QLatin1String("system"))
      options.theme = ThemeChoice::kSystem;
    else if (name == QLatin1String("light"))
      options.theme = ThemeChoice::kLight;
    else if (name == QLatin1String("dark"))
      options.theme = ThemeChoice::kDark;
    else
      fail(QStringLiteral("--theme expects system, light or dark"));
  }
  if (parser.isSet(size)) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)x(\\d+)$"));
    const QRegularExpressionMatch m = pattern.match(parser.value(size));
    if (!m.hasMatch()) fail(QStringLiteral("--size expects WIDTHxHEIGHT, e.g. 1400x900"));
    options.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    if (options.size.width() < 200 || options.size.height() < 200)
      fail(QStringLiteral("--size must be at least 200x200"));
  }
  if (parser.isSet(bins) || parser.isSet(binning)) {
    calib::MetricsOptions m;
    if (parser.isSet(bins)) {
      bool ok = false;
      m.bins = parser.value(bins).toInt(&ok);
      if (!ok || m.bins < Settings::kMinBins || m.bins > Settings::kMaxBins)
        fail(QStringLiteral("--bins expects a number from 2 to 50"));
    }
    const QString kind = parser.value(binning);
    if (kind == QLatin1String("mass"))
      m.binning = calib::Binning::kEqualMass;
    else if (!kind.isEmpty() && kind != QLatin1String("width"))
      fail(QStringLiteral("--binning expects width or mass"));
    options.metrics = m;
  }
  return options;
}

/// Installs Qt's and Unveil's translations for `language` (empty: UNVEIL_LANG, the saved
/// setting, then the system locale).
void installTranslations(QApplication& app, QString language) {
  if (language.isEmpty()) language = qEnvironmentVariable("UNVEIL_LANG");
  if (language.isEmpty()) language = Settings::language();
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  QLocale::setDefault(locale);
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(qt);
  // English is the fallback: its translation carries the plural forms ("1 bin", "10 bins").
  auto* unveil = new QTranslator(&app);
  if (unveil->load(locale, QStringLiteral("unveil"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")) ||
      unveil->load(QStringLiteral(":/i18n/unveil_en.qm")))
    QApplication::installTranslator(unveil);
}

int takeScreenshot(MainWindow& window, const QString& file, MainWindow::View view, int patienceMs) {
  // Saved once all background work is through: the window is checked every tick; a few quiet
  // ticks in a row (a job may start another when it ends, painting may ask for thumbnails) and
  // a rendering that starts nothing new mean it is done. The timeout keeps a test from hanging.
  auto* poll = new QTimer(&window);
  poll->setInterval(kPollMs);
  auto quiet = std::make_shared<int>(0);
  // A demo build that fails shows its reason in the window, not among the loaders' errors: kept
  // here so that the picture of a failed build is not reported as a success.
  auto demoFailure = std::make_shared<QString>();
  if (DemoSetup* demo = window.demoSetup()) {
    QObject::connect(demo, &DemoSetup::failed, &window,
                     [demoFailure](const QString& message) { *demoFailure = message; });
  }
  QObject::connect(
      poll, &QTimer::timeout, &window, [&window, file, view, poll, quiet, demoFailure] {
        if (window.isBusy()) {
          *quiet = 0;
          return;
        }
        if (++*quiet == kQuietTicks) window.showView(view);
        if (*quiet < 2 * kQuietTicks) return;
        const QImage image = window.renderImage();
        if (window.isBusy()) {  // the rendering asked for more (thumbnails of rows now visible)
          *quiet = kQuietTicks;
          return;
        }
        poll->stop();
        if (image.isNull() || !image.save(file, "PNG")) {
          std::fprintf(stderr, "unveil: could not write %s\n", qUtf8Printable(file));
          QApplication::exit(1);
          return;
        }
        QString error = window.lastError();
        if (error.isEmpty() && !demoFailure->isEmpty())
          error = QStringLiteral("the demo project could not be built: ") + *demoFailure;
        if (!error.isEmpty()) std::fprintf(stderr, "unveil: %s\n", qUtf8Printable(error));
        QApplication::exit(error.isEmpty() ? 0 : 1);
      });
  poll->start();
  // No fixed deadline: a demo build on a slow or busy machine is waited for as long as it keeps
  // reporting progress. What was waited for is said when it gives up.
  auto lastMove = std::make_shared<QElapsedTimer>();
  lastMove->start();
  if (DemoSetup* demo = window.demoSetup())
    QObject::connect(demo, &DemoSetup::progressed, &window, [lastMove] { lastMove->restart(); });
  auto* watchdog = new QTimer(&window);
  watchdog->setInterval(std::min(1000, patienceMs));
  QObject::connect(watchdog, &QTimer::timeout, &window, [&window, lastMove, patienceMs] {
    if (lastMove->elapsed() < patienceMs) return;
    const DemoSetup* demo = window.demoSetup();
    if (demo && demo->isRunning())
      std::fprintf(stderr,
                   "unveil: gave up: the demo build reported no progress for %.1f s (last: "
                   "\"%s\", %.0f %% done); nothing was saved\n",
                   static_cast<double>(lastMove->elapsed()) / 1000.0, qUtf8Printable(demo->stage()),
                   100 * demo->fraction());
    else
      std::fprintf(stderr,
                   "unveil: gave up: the window was still busy after %.1f s with nothing "
                   "reported; nothing was saved\n",
                   static_cast<double>(lastMove->elapsed()) / 1000.0);
    QApplication::exit(3);
  });
  watchdog->start();
  return QApplication::exec();
}

}  // namespace

int runUnveil(int argc, char* argv[]) {
  // A screenshot needs no display: render offscreen unless the caller chose a platform.
  if ((wantsScreenshot(argc, argv) || onlyPrints(argc, argv)) &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  // Without a display Qt would abort with its own message and a core dump: say it plainly.
  if (!hasDisplay()) {
    std::fprintf(stderr,
                 "unveil: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
                 "is set). Run it in a desktop session, or use --screenshot FILE to render "
                 "offscreen, or unveil-cli for the command line.\n");
    return 1;
  }
  // Fractional scale factors (1.25, 1.5) as the screen has them, not rounded to whole ones:
  // Qt 6's default, stated so that it stays.
  QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
      Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
  QApplication app(argc, argv);
  SessionLog::captureQtMessages();
  QApplication::setOrganizationName(QStringLiteral("Unveil"));
  QApplication::setApplicationName(QStringLiteral("Unveil"));
  QApplication::setApplicationVersion(QStringLiteral(UNVEIL_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("unveil"));

  const Options options = parseCommandLine(app);
  installTranslations(app, options.language);
  const bool screenshot = !options.screenshot.isEmpty();
  // A screenshot does not depend on what the user last chose, nor changes it.
  Theme::apply(options.theme.value_or(screenshot ? ThemeChoice::kLight : Settings::theme()));

  MainWindow window;
  window.setRemembersSettings(!screenshot);
  if (!screenshot) {
    window.restoreLayout();
    applyPreferences(&window, Settings::preferences());
  }
  if (options.metrics) window.setMetricsOptions(*options.metrics);

  const bool showRun = options.predictions.isEmpty();
  bool projectShown = false;
  if (options.demo) {
    window.openDemo(options.demoOptions);
    projectShown = true;
  } else if (!options.project.isEmpty()) {
    window.openProject(options.project, showRun);
    projectShown = showRun;
  } else if (!screenshot && options.predictions.isEmpty()) {
    // A later launch opens the last project at once; the first builds and opens the demo.
    projectShown = window.restoreLastProject(showRun) && showRun;
    if (!projectShown) {
      window.openDemo(options.demoOptions);
      projectShown = true;
    }
  }
  if (!options.predictions.isEmpty())
    window.openFiles(options.predictions, options.calibration);
  else if (!projectShown)
    window.openExample();  // a screenshot of nothing in particular shows the example
  if (!options.dataset.isEmpty()) window.openDataset(options.dataset);
  if (!options.model.isEmpty()) window.openModel(options.model);

  if (screenshot) {
    window.resize(options.size);
    window.show();
    return takeScreenshot(window, options.screenshot, options.view,
                          options.patienceMs.value_or(options.demo ? kDemoScreenshotPatienceMs
                                                                   : kScreenshotPatienceMs));
  }
  window.show();
  return QApplication::exec();
}

}  // namespace unveil::ui
