// Reports: the HTML and PDF reports of a stored run and of a comparison. Expected values
// come from the hand-made prediction sets below (failure order, bins) or from calib's own functions
// applied independently of the report code (metric values, temperature, verdicts).
#include "report/report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <vector>

#include "analysis/compare.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/recipe.h"
#include "calib/temperature.h"
#include "data/image.h"
#include "pdf_structure.h"
#include "report/html_text.h"
#include "store/store.h"

using namespace unveil;
namespace fs = std::filesystem;

namespace {

constexpr int kItems = 30;
const char* const kHostileRun = "<script>alert('run')</script> & co";

// Item i: the right answer is A when i % 3 == 0, else B. Every prediction answers A with
// confidence 0.4 + 0.019 i (distinct, never on a bin edge), so 20 items are wrong.
int label_of(int i) {
  return i % 3 == 0 ? 0 : 1;
}
double confidence_of(int i) {
  return 0.4 + 0.019 * i;
}

calib::PredictionSet make_set(double sharpen = 1.0) {
  calib::PredictionSet set;
  calib::PredictionInput in;
  for (int i = 0; i < kItems; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    const double c = std::pow(confidence_of(i), sharpen);
    in.scores = {c, (1 - c) / 2, (1 - c) / 2};
    in.kind = calib::ScoreKind::kProbabilities;
    in.label = label_of(i);
    in.idk_index = 2;
    set.add(in);
  }
  return set;
}

data::Dataset make_dataset(const fs::path& root) {
  data::Dataset ds;
  ds.name = "shapes";
  ds.root = root.string();
  fs::create_directories(root / "img");
  for (int i = 0; i < kItems; ++i) {
    data::Item it;
    it.id = "q" + std::to_string(i);
    it.question = i == 29 ? "Is <b>this</b> a \"circle\" & not a square?"
                          : "Which shape is item " + std::to_string(i) + "?";
    it.options = {{'A', "circle"}, {'B', "square"}, {'C', "I don't know"}};
    it.answer = label_of(i);
    it.idk_index = 2;
    it.image.kind = data::ImageRef::Kind::kFile;
    it.image.path = "img/" + std::to_string(i) + ".png";
    const auto png = data::encode_png(data::RgbImage::filled(24, 16, {200, 40, 40}));
    std::ofstream(root / it.image.path, std::ios::binary) << *png;
    ds.items.push_back(std::move(it));
  }
  return ds;
}

std::string fmt4(const std::optional<double>& v) {
  if (!v) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", *v);
  return buf;
}

// The HTML without its data: URIs (base64 may hold any letters).
std::string without_data_uris(std::string html) {
  for (std::size_t at; (at = html.find("data:image/")) != std::string::npos;)
    html.erase(at, html.find('"', at) - at);
  return html;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_report_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    auto st = store::Store::open(dir_ / "p.unveil");
    ASSERT_TRUE(st.ok()) << st.error().message;
    store_.emplace(std::move(*st));
    ASSERT_TRUE(store_->add_dataset(make_dataset(dir_ / "data"), "shapes.json", "llava").ok());
    run_ = import(make_set(), kHostileRun);
    other_ = import(make_set(3.0), "sharper");
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  std::int64_t import(const calib::PredictionSet& set, const std::string& name) {
    auto id = store_->import_predictions(set, "shapes", name);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
  static report::ReportOptions options() {
    report::ReportOptions o;
    o.replicates = 200;
    o.seed = 5;
    return o;
  }
  std::string run_html(std::int64_t id) {
    auto doc = report::run_report(*store_, id, options());
    EXPECT_TRUE(doc.ok()) << doc.error().message;
    return doc.ok() ? report::to_html(*doc) : std::string();
  }

  fs::path dir_;
  std::optional<store::Store> store_;
  std::int64_t run_ = 0, other_ = 0;
};

}  // namespace

TEST_F(ReportTest, RunReportNamesTheRunEscapedAndShowsItsMetrics) {
  const std::string html = run_html(run_);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;run&#39;)&lt;/script&gt; &amp; co"),
            std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Is &lt;b&gt;this&lt;/b&gt; a &quot;circle&quot; &amp; not a square?"),
            std::string::npos);
  EXPECT_EQ(html.find("<b>this</b>"), std::string::npos);

  const calib::Metrics m = calib::compute_metrics(calib::compute_outcomes(make_set()));
  for (const auto& [name, value] : calib::scalars(m))
    EXPECT_NE(html.find(fmt4(value)), std::string::npos) << name << " " << fmt4(value);
  EXPECT_NE(html.find("When this model says it is about"), std::string::npos);
  EXPECT_NE(html.find("No temperature is stored"), std::string::npos);
  EXPECT_NE(html.find("unveil-cli report --db"), std::string::npos);
  EXPECT_EQ(lower(without_data_uris(html)).find("nan"), std::string::npos);
}

TEST(EscapeHtml, DropsNulAndShowsBidiControlsAsCodePoints) {
  using namespace std::string_literals;
  EXPECT_EQ(report::escape_html("a\0b\0"s), "ab");
  EXPECT_EQ(report::escape_html("pay \u202Etxt.exe\u202C now"), "pay [U+202E]txt.exe[U+202C] now");
  EXPECT_EQ(report::escape_html("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"),
            "[U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069]");
  // Neighbours of those ranges, and other text, are kept as they are.
  EXPECT_EQ(report::escape_html("\u2029\u202F\u2065\u206A caf\u00e9 \u2192 \u5706"),
            "\u2029\u202F\u2065\u206A caf\u00e9 \u2192 \u5706");
  EXPECT_EQ(report::escape_html("<b a='1'>\u202E&</b>"),
            "&lt;b a=&#39;1&#39;&gt;[U+202E]&amp;&lt;/b&gt;");
  // A lead byte at the very end is not read past.
  EXPECT_EQ(report::escape_html("x\xE2\x80"s), "x\xE2\x80");
}

TEST_F(ReportTest, ReliabilityDiagramHasOneRectPerNonEmptyBin) {
  const std::string html = run_html(run_);
  std::set<int> bins;  // by hand: floor(10 c) of every item
  for (int i = 0; i < kItems; ++i)
    bins.insert(static_cast<int>(std::floor(confidence_of(i) * 10)));
  const auto start = html.find("<svg class=\"reliability\"");
  ASSERT_NE(start, std::string::npos);
  const std::string svg = html.substr(start, html.find("</svg>", start) - start);
  EXPECT_EQ(count(svg, "<rect"), bins.size());
  EXPECT_EQ(count(svg, "class=\"gap\""), bins.size());
  EXPECT_NE(html.find("<svg class=\"histogram\""), std::string::npos);
}

TEST_F(ReportTest, FailureCasesAreTheTenMostConfidentMistakesInOrder) {
  const std::string html = run_html(run_);
  std::vector<int> wrong;  // answer A is wrong where the label is B; confidence rises with i
  for (int i = kItems - 1; i >= 0 && wrong.size() < 10; --i)
    if (label_of(i) != 0) wrong.push_back(i);
  ASSERT_EQ(wrong.size(), 10u);
  std::size_t last = 0;
  for (const int i : wrong) {
    const auto at = html.find("data-item=\"q" + std::to_string(i) + "\"");
    ASSERT_NE(at, std::string::npos) << i;
    EXPECT_GT(at, last) << i;
    last = at;
  }
  EXPECT_EQ(count(html, "<li class=\"case\""), 10u);
  EXPECT_EQ(count(html, "src=\"data:image/jpeg;base64,"), 10u);
  EXPECT_NE(html.find("of 20)"), std::string::npos);  // 20 wrong answers in all
}

TEST_F(ReportTest, StoredTemperatureIsRefittedAndShown) {
  store::CalibrationInfo c;
  c.run_id = run_;
  c.method = "temperature";
  c.params = "{\"temperature\": 99}";  // refitted on the fit run instead
  c.fit_run_id = other_;
  c.fit_split = "calibration";
  ASSERT_TRUE(store_->add_calibration(c).ok());
  const auto fit = calib::fit_temperature(make_set(3.0));
  ASSERT_TRUE(fit.ok());
  const std::string html = run_html(run_);
  EXPECT_NE(html.find("Temperature T = " + fmt4(fit->temperature)), std::string::npos);
  const calib::Metrics after =
      calib::compute_metrics(calib::compute_outcomes(make_set(), fit->temperature));
  EXPECT_NE(html.find(fmt4(after.ece)), std::string::npos);
  EXPECT_EQ(count(html, "<svg class=\"reliability\""), 2u);  // before and after
}

// The study's recipe in a run's report: the vocabulary confidence, unanswered items left out and
// the grid temperature. Every fifth item gave no option letter. The expected numbers are the
// recipe's own (calib/recipe.h, tested against TS.py in recipe_test.cpp) on the same set; the
// report must show them, list only answered mistakes, each with its own confidence, and refuse a
// comparison under the recipe.
TEST_F(ReportTest, TheStudysRecipeLeavesUnansweredItemsOutOfARunsReport) {
  calib::PredictionSet set;
  calib::PredictionInput in;
  for (int i = 0; i < kItems; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    const double c = confidence_of(i);
    in.scores = {std::log(c), std::log((1 - c) / 2), std::log((1 - c) / 2)};
    in.label = label_of(i);
    in.idk_index = 2;
    in.answer = i % 5 == 0 ? calib::kUnanswered : 0;
    in.conf_vocab = 0.9 * c;  // some mass outside the letters
    set.add(in);
  }
  const std::int64_t id = import(set, "partly unanswered");
  report::ReportOptions o = options();
  o.recipe = calib::study_recipe();
  auto doc = report::run_report(*store_, id, o);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const std::string html = report::to_html(*doc);

  auto stored = store_->prediction_set(id);
  ASSERT_TRUE(stored.ok());
  auto expected = calib::score(*stored, calib::study_recipe());
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  EXPECT_EQ(expected->metrics.n, 24u);  // 6 of 30 left out
  EXPECT_NE(html.find(fmt4(expected->metrics.ece)), std::string::npos);
  EXPECT_NE(html.find("left out"), std::string::npos);
  EXPECT_NE(html.find("--recipe study"), std::string::npos);
  // The most confident answered mistake comes first (confidence rises with i): the largest i
  // that answered (i % 5 != 0) and is wrong (label B).
  int first = -1;
  for (int i = kItems - 1; i >= 0 && first < 0; --i)
    if (i % 5 != 0 && label_of(i) != 0) first = i;
  ASSERT_GE(first, 0);
  const auto at = html.find("data-item=\"q" + std::to_string(first) + "\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_LT(at, html.find("<li class=\"case\"", html.find("<li class=\"case\"") + 1));
  for (int i = 0; i < kItems; i += 5)
    EXPECT_EQ(html.find("data-item=\"q" + std::to_string(i) + "\""), std::string::npos) << i;

  const std::int64_t ids[] = {run_, other_};
  auto compared = report::compare_report(*store_, ids, o);
  ASSERT_FALSE(compared.ok());
  EXPECT_NE(compared.error().message.find("a comparison pairs its runs item by item"),
            std::string::npos);
}

TEST_F(ReportTest, UndefinedMetricsReadNotApplicable) {
  calib::PredictionSet right;  // every answer right: AUROC is undefined
  calib::PredictionInput in;
  for (int i = 0; i < kItems; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    in.scores = {label_of(i) == 0 ? 2.0 : 0.0, label_of(i) == 1 ? 2.0 : 0.0, 0.0};
    in.label = label_of(i);
    in.idk_index = 2;
    right.add(in);
  }
  const std::string html = run_html(import(right, "all right"));
  EXPECT_NE(html.find("n/a"), std::string::npos);
  EXPECT_NE(html.find("answered every question correctly"), std::string::npos);
  EXPECT_EQ(lower(without_data_uris(html)).find("nan"), std::string::npos);
}

TEST_F(ReportTest, CompareReportNamesBothRunsAndTheVerdicts) {
  const std::vector<std::int64_t> ids{run_, other_};
  auto doc = report::compare_report(*store_, ids, options());
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const auto html = std::optional<std::string>(report::to_html(*doc));
  EXPECT_NE(html->find("run " + std::to_string(run_) + ": &lt;script&gt;"), std::string::npos);
  EXPECT_NE(html->find("run " + std::to_string(other_) + ": sharper"), std::string::npos);
  analysis::CompareOptions co;
  co.replicates = 200;
  co.seed = 5;
  const auto c = analysis::compare_runs(*store_, ids, co);
  ASSERT_TRUE(c.ok());
  ASSERT_FALSE(c->differences.empty());
  for (const auto& d : c->differences)
    EXPECT_NE(html->find(report::escape_html(d.verdict)), std::string::npos) << d.verdict;
  EXPECT_EQ(count(*html, "<svg class=\"reliability\""), 2u);
  EXPECT_EQ(lower(*html).find("nan"), std::string::npos);
}

TEST_F(ReportTest, UnknownRunAndUnwritableFileAreErrors) {
  auto missing = report::run_report(*store_, 99, options());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no run 99"), std::string::npos);
  const auto bad =
      report::write_report(dir_ / "no" / "such" / "dir" / "r.html", report::Document{});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("r.html"), std::string::npos);
}

TEST_F(ReportTest, RunReportAsPdfSaysWhatTheHtmlSaysWithEveryThumbnail) {
  auto doc = report::run_report(*store_, run_, options());
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const fs::path file = dir_ / "run.pdf";
  ASSERT_TRUE(report::write_report(file, *doc).ok());
  std::ifstream in(file, std::ios::binary);
  const std::string pdf((std::istreambuf_iterator<char>(in)), {});
  const auto p = testing_pdf::parse(pdf);
  ASSERT_TRUE(p.ok) << p.problem;
  std::string text;
  for (std::size_t i = 0; i < p.page_texts.size(); ++i) {
    EXPECT_NE(p.page_texts[i].find("page " + std::to_string(i + 1) + " of " +
                                   std::to_string(p.page_texts.size())),
              std::string::npos);
    text += p.page_texts[i] + " ";
  }
  // The run's name and the item's question as they are (no HTML escaping in a PDF).
  EXPECT_NE(text.find(kHostileRun), std::string::npos);
  EXPECT_NE(text.find("Is <b>this</b> a \"circle\" & not a square?"), std::string::npos);
  // The ten failure cases, most confident first (as worked out by hand in the test above), each
  // with its thumbnail.
  std::size_t last = 0;
  for (int i = kItems - 1, shown = 0; i >= 0 && shown < 10; --i) {
    if (label_of(i) == 0) continue;
    const std::size_t at = text.find("Item q" + std::to_string(i) + " ");
    ASSERT_NE(at, std::string::npos) << i;
    EXPECT_GT(at, last) << i;
    last = at;
    ++shown;
  }
  const auto set = store_->prediction_set(run_);
  EXPECT_EQ(count(pdf, "/Subtype /Image"), 10u);
  EXPECT_NE(text.find("of 20)"), std::string::npos);
  const calib::Metrics m = calib::compute_metrics(calib::compute_outcomes(*set));
  EXPECT_NE(text.find(fmt4(m.ece)), std::string::npos);
  EXPECT_NE(text.find("unveil-cli report --db"), std::string::npos);
  EXPECT_EQ(lower(text).find("nan"), std::string::npos);
}

TEST_F(ReportTest, TheFileNameChoosesTheFormat) {
  EXPECT_EQ(report::report_format("a/b.PDF"), report::ReportFormat::kPdf);
  EXPECT_EQ(report::report_format("b.htm"), report::ReportFormat::kHtml);
  EXPECT_EQ(report::report_format("b.html"), report::ReportFormat::kHtml);
  EXPECT_FALSE(report::report_format("b.pdf.txt"));
  EXPECT_FALSE(report::report_format("html"));
  const auto refused = report::write_report(dir_ / "r.doc", report::Document{});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("r.doc: a report is written as .html or .pdf"),
            std::string::npos)
      << refused.error().message;
  EXPECT_FALSE(fs::exists(dir_ / "r.doc"));
  // A report written over an earlier one replaces it whole, and leaves no temporary file.
  ASSERT_TRUE(report::write_report(dir_ / "r.html", report::Document{}).ok());
  ASSERT_TRUE(
      report::write_report(dir_ / "r.html", *report::run_report(*store_, run_, options())).ok());
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  EXPECT_GT(fs::file_size(dir_ / "r.html"), 1000u);
}
