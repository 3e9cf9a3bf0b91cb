#include "report/svg_plots.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "report/html_text.h"

namespace unveil::report {
namespace {

// The plot area inside a 360 x 320 picture; data coordinates run 0-1 on both axes.
struct Frame {
  double left = 52, top = 30, width = 290, height = 240;
  double x(double v) const { return left + std::clamp(v, 0.0, 1.0) * width; }
  double y(double v) const { return top + (1 - std::clamp(v, 0.0, 1.0)) * height; }
};

void title(Canvas& c, const std::string& s) {
  c.text({180, 18}, Anchor::kMiddle, s, /*title=*/true);
}

// Axes with ticks at 0, 0.2, ... 1 (y as `y_scale` times the tick when y is not a share) and
// their labels.
void axes(Canvas& c, const Frame& f, const std::string& x_label, const std::string& y_label,
          double y_scale = 1.0) {
  c.line({f.left, f.y(0)}, {f.x(1), f.y(0)}, Ink::kAxis);
  c.line({f.left, f.y(0)}, {f.left, f.y(1)}, Ink::kAxis);
  for (int i = 0; i <= 5; ++i) {
    const double v = i / 5.0;
    c.line({f.x(v), f.y(0)}, {f.x(v), f.y(0) + 4}, Ink::kAxis);
    c.text({f.x(v), f.y(0) + 16}, Anchor::kMiddle, format_number(v, "%.1f"));
    c.line({f.left - 4, f.y(v)}, {f.left, f.y(v)}, Ink::kAxis);
    c.text({f.left - 6, f.y(v) + 4}, Anchor::kEnd,
           format_number(v * y_scale, y_scale == 1 ? "%.1f" : "%.0f"));
  }
  c.text({f.x(0.5), f.y(0) + 34}, Anchor::kMiddle, x_label);
  c.text({12, f.y(0.5)}, Anchor::kMiddle, y_label, false, /*vertical=*/true);
}

// A bar from v = 0 to `v` over [lo, hi] on the x axis, at least 2 units wide (equal-mass bins
// may have lo == hi), with a tooltip.
void bar(Canvas& c, const Frame& f, double lo, double hi, double v, const std::string& tooltip) {
  const double x0 = f.x(lo), w = std::max(2.0, f.x(hi) - x0);
  c.rect(x0, f.y(v), w, f.y(0) - f.y(v), Ink::kBar, tooltip);
}

std::string bin_tooltip(const calib::Bin& b) {
  return "confidence " + format_number(b.lo, "%.2f") + "-" + format_number(b.hi, "%.2f") + ": " +
         std::to_string(b.count) + " answers, mean confidence " + format_percent(b.confidence) +
         ", right " + format_percent(b.accuracy) + " (95% interval " + format_percent(b.ci_lo) +
         " to " + format_percent(b.ci_hi) + ")";
}

// The gap between accuracy and mean confidence over a bar, as a polygon (not a rect, so that the
// diagram holds exactly one rect per non-empty bin).
void gap(Canvas& c, const Frame& f, const calib::Bin& b) {
  const double x0 = f.x(b.lo), x1 = std::max(x0 + 2, f.x(b.hi));
  const double ya = f.y(b.accuracy), yc = f.y(b.confidence);
  c.polygon({{x0, ya}, {x1, ya}, {x1, yc}, {x0, yc}}, Ink::kGap);
}

void whisker(Canvas& c, const Frame& f, const calib::Bin& b) {
  const double xm = (f.x(b.lo) + std::max(f.x(b.lo) + 2, f.x(b.hi))) / 2;
  c.line({xm, f.y(b.ci_lo)}, {xm, f.y(b.ci_hi)}, Ink::kInterval);
  c.line({xm - 3, f.y(b.ci_lo)}, {xm + 3, f.y(b.ci_lo)}, Ink::kInterval);
  c.line({xm - 3, f.y(b.ci_hi)}, {xm + 3, f.y(b.ci_hi)}, Ink::kInterval);
}

std::size_t total_count(const calib::BinTable& t) {
  std::size_t n = 0;
  for (const auto& b : t.bins)
    n += b.count;
  return n;
}

// ---- SVG -------------------------------------------------------------------------------------

std::string num(double v) {
  return format_number(v, "%.1f");
}

const char* css_class(Ink ink) {
  switch (ink) {
    case Ink::kAxis:
      return "axis";
    case Ink::kBar:
      return "bar";
    case Ink::kGap:
      return "gap";
    case Ink::kInterval:
      return "ci";
    case Ink::kDiagonal:
      return "diag";
    case Ink::kCurve:
      return "curve";
  }
  return "axis";
}

std::string points_attribute(const std::vector<Point>& points) {
  std::string s;
  for (const auto& p : points)
    s += (s.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
  return s;
}

class SvgCanvas final : public Canvas {
 public:
  std::string out;

  void line(Point a, Point b, Ink ink) override {
    out += std::string("<line class=\"") + css_class(ink) + "\" x1=\"" + num(a.x) + "\" y1=\"" +
           num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" + num(b.y) + "\"/>";
  }
  void rect(double x, double y, double width, double height, Ink ink,
            const std::string& tooltip) override {
    out += std::string("<rect class=\"") + css_class(ink) + "\" x=\"" + num(x) + "\" y=\"" +
           num(y) + "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\">";
    if (!tooltip.empty()) out += "<title>" + escape_html(tooltip) + "</title>";
    out += "</rect>";
  }
  void polygon(const std::vector<Point>& points, Ink ink) override {
    out += std::string("<polygon class=\"") + css_class(ink) + "\" points=\"" +
           points_attribute(points) + "\"/>";
  }
  void polyline(const std::vector<Point>& points, Ink ink) override {
    if (points.empty()) return;
    out += std::string("<polyline class=\"") + css_class(ink) + "\" points=\"" +
           points_attribute(points) + "\"/>";
  }
  void text(Point at, Anchor anchor, const std::string& s, bool is_title, bool vertical) override {
    const char* a = anchor == Anchor::kStart ? "start" : anchor == Anchor::kEnd ? "end" : "middle";
    out += vertical
               ? "<text transform=\"translate(" + num(at.x) + " " + num(at.y) +
                     ") rotate(-90)\" text-anchor=\"" + a + "\""
               : "<text x=\"" + num(at.x) + "\" y=\"" + num(at.y) + "\" text-anchor=\"" + a + "\"";
    out += std::string(is_title ? " class=\"t\">" : ">") + escape_html(s) + "</text>";
  }
};

}  // namespace

Picture reliability_picture(const calib::BinTable& table, const std::string& title_text) {
  return {"reliability", title_text, 360, 320, [table, title_text](Canvas& c) {
            const Frame f;
            title(c, title_text);
            axes(c, f, "confidence", "accuracy");
            for (const calib::Bin& b : table.bins) {
              if (b.count == 0) continue;
              bar(c, f, b.lo, b.hi, b.accuracy, bin_tooltip(b));
            }
            for (const calib::Bin& b : table.bins) {
              if (b.count == 0) continue;
              gap(c, f, b);
              whisker(c, f, b);
            }
            c.line({f.x(0), f.y(0)}, {f.x(1), f.y(1)}, Ink::kDiagonal);
          }};
}

Picture histogram_picture(const calib::BinTable& table, const std::string& title_text) {
  return {"histogram", title_text, 360, 320, [table, title_text](Canvas& c) {
            const Frame f;
            const std::size_t n = total_count(table);
            double top = 0;
            for (const calib::Bin& b : table.bins)
              top = std::max(top, n ? double(b.count) / double(n) : 0.0);
            // The y axis runs to the next 10 % above the fullest bin.
            const double scale = std::max(0.1, std::ceil(top * 10 - 1e-9) / 10);
            title(c, title_text);
            axes(c, f, "confidence", "share of answers (%)", scale * 100);
            for (const calib::Bin& b : table.bins) {
              if (b.count == 0) continue;
              const double share = double(b.count) / double(n);
              bar(c, f, b.lo, b.hi, share / scale,
                  std::to_string(b.count) + " answers (" + format_percent(share) +
                      ") with confidence " + format_number(b.lo, "%.2f") + "-" +
                      format_number(b.hi, "%.2f"));
            }
          }};
}

Picture risk_coverage_picture(std::span<const calib::RiskCoveragePoint> curve,
                              const std::string& title_text) {
  std::vector<calib::RiskCoveragePoint> points(curve.begin(), curve.end());
  return {"risk-coverage", title_text, 360, 320, [points, title_text](Canvas& c) {
            const Frame f;
            title(c, title_text);
            axes(c, f, "share of questions answered (most confident first)", "error rate");
            std::vector<Point> line;
            line.reserve(points.size());
            for (const auto& p : points)
              line.push_back({f.x(p.coverage), f.y(p.risk)});
            c.polyline(line, Ink::kCurve);
          }};
}

std::string to_svg(const Picture& picture) {
  SvgCanvas c;
  const std::string w = format_number(picture.width, "%g"), h = format_number(picture.height, "%g");
  c.out = "<svg class=\"" + picture.kind +
          "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" +
          w + "\" height=\"" + h + "\" role=\"img\" aria-label=\"" + escape_html(picture.title) +
          "\">";
  if (picture.draw) picture.draw(c);
  return c.out + "</svg>";
}

}  // namespace unveil::report
