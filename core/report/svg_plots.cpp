#include "report/svg_plots.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html_text.h"

namespace unveil::report {
namespace {

// The plot area inside a 360 x 320 picture; data coordinates run 0-1 on both axes.
struct Frame {
  double left = 52, top = 30, width = 290, height = 240;
  double x(double v) const { return left + std::clamp(v, 0.0, 1.0) * width; }
  double y(double v) const { return top + (1 - std::clamp(v, 0.0, 1.0)) * height; }
};

std::string num(double v) {
  return format_number(v, "%.1f");
}

std::string open_svg(const char* css_class, const std::string& title) {
  return std::string("<svg class=\"") + css_class +
         "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 320\" width=\"360\" "
         "height=\"320\" role=\"img\" aria-label=\"" +
         escape_html(title) + "\"><text x=\"180\" y=\"18\" text-anchor=\"middle\" class=\"t\">" +
         escape_html(title) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const char* css_class) {
  return "<line class=\"" + std::string(css_class) + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) +
         "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>";
}

std::string text(double x, double y, const char* anchor, const std::string& s) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" +
         escape_html(s) + "</text>";
}

// Axes with ticks at 0, 0.2, ... 1 (y as `y_scale` times the tick when y is not a share) and
// their labels.
std::string axes(const Frame& f, const std::string& x_label, const std::string& y_label,
                 double y_scale = 1.0) {
  std::string s =
      line(f.left, f.y(0), f.x(1), f.y(0), "axis") + line(f.left, f.y(0), f.left, f.y(1), "axis");
  for (int i = 0; i <= 5; ++i) {
    const double v = i / 5.0;
    s += line(f.x(v), f.y(0), f.x(v), f.y(0) + 4, "axis") +
         text(f.x(v), f.y(0) + 16, "middle", format_number(v, "%.1f"));
    s += line(f.left - 4, f.y(v), f.left, f.y(v), "axis") +
         text(f.left - 6, f.y(v) + 4, "end",
              format_number(v * y_scale, y_scale == 1 ? "%.1f" : "%.0f"));
  }
  s += text(f.x(0.5), f.y(0) + 34, "middle", x_label);
  s += "<text transform=\"translate(12 " + num(f.y(0.5)) +
       ") rotate(-90)\" text-anchor=\"middle\">" + escape_html(y_label) + "</text>";
  return s;
}

// A bar from v = 0 to `v` over [lo, hi] on the x axis, at least 2 px wide (equal-mass bins may
// have lo == hi), with a tooltip.
std::string bar(const Frame& f, double lo, double hi, double v, const std::string& tooltip) {
  const double x0 = f.x(lo), w = std::max(2.0, f.x(hi) - x0);
  return "<rect class=\"bar\" x=\"" + num(x0) + "\" y=\"" + num(f.y(v)) + "\" width=\"" + num(w) +
         "\" height=\"" + num(f.y(0) - f.y(v)) + "\"><title>" + escape_html(tooltip) +
         "</title></rect>";
}

std::string bin_tooltip(const calib::Bin& b) {
  return "confidence " + format_number(b.lo, "%.2f") + "-" + format_number(b.hi, "%.2f") + ": " +
         std::to_string(b.count) + " answers, mean confidence " + format_percent(b.confidence) +
         ", right " + format_percent(b.accuracy) + " (95% interval " + format_percent(b.ci_lo) +
         " to " + format_percent(b.ci_hi) + ")";
}

// The gap between accuracy and mean confidence over a bar, as a polygon (not a rect, so that the
// diagram holds exactly one rect per non-empty bin).
std::string gap(const Frame& f, const calib::Bin& b) {
  const double x0 = f.x(b.lo), x1 = std::max(x0 + 2, f.x(b.hi));
  const double ya = f.y(b.accuracy), yc = f.y(b.confidence);
  return "<polygon class=\"gap\" points=\"" + num(x0) + "," + num(ya) + " " + num(x1) + "," +
         num(ya) + " " + num(x1) + "," + num(yc) + " " + num(x0) + "," + num(yc) + "\"/>";
}

std::string whisker(const Frame& f, const calib::Bin& b) {
  const double xm = (f.x(b.lo) + std::max(f.x(b.lo) + 2, f.x(b.hi))) / 2;
  return line(xm, f.y(b.ci_lo), xm, f.y(b.ci_hi), "ci") +
         line(xm - 3, f.y(b.ci_lo), xm + 3, f.y(b.ci_lo), "ci") +
         line(xm - 3, f.y(b.ci_hi), xm + 3, f.y(b.ci_hi), "ci");
}

std::size_t total_count(const calib::BinTable& t) {
  std::size_t n = 0;
  for (const auto& b : t.bins)
    n += b.count;
  return n;
}

}  // namespace

std::string reliability_svg(const calib::BinTable& table, const std::string& title) {
  const Frame f;
  std::string s = open_svg("reliability", title) + axes(f, "confidence", "accuracy");
  for (const calib::Bin& b : table.bins) {
    if (b.count == 0) continue;
    s += bar(f, b.lo, b.hi, b.accuracy, bin_tooltip(b));
  }
  for (const calib::Bin& b : table.bins) {
    if (b.count == 0) continue;
    s += gap(f, b) + whisker(f, b);
  }
  s += line(f.x(0), f.y(0), f.x(1), f.y(1), "diag");
  return s + "</svg>";
}

std::string histogram_svg(const calib::BinTable& table, const std::string& title) {
  const Frame f;
  const std::size_t n = total_count(table);
  double top = 0;
  for (const calib::Bin& b : table.bins)
    top = std::max(top, n ? double(b.count) / double(n) : 0.0);
  // The y axis runs to the next 10 % above the fullest bin.
  const double scale = std::max(0.1, std::ceil(top * 10 - 1e-9) / 10);
  std::string s =
      open_svg("histogram", title) + axes(f, "confidence", "share of answers (%)", scale * 100);
  for (const calib::Bin& b : table.bins) {
    if (b.count == 0) continue;
    const double share = double(b.count) / double(n);
    s += bar(f, b.lo, b.hi, share / scale,
             std::to_string(b.count) + " answers (" + format_percent(share) + ") with confidence " +
                 format_number(b.lo, "%.2f") + "-" + format_number(b.hi, "%.2f"));
  }
  return s + "</svg>";
}

std::string risk_coverage_svg(std::span<const calib::RiskCoveragePoint> curve,
                              const std::string& title) {
  const Frame f;
  std::string s = open_svg("risk-coverage", title) +
                  axes(f, "share of questions answered (most confident first)", "error rate");
  std::string points;
  for (const auto& p : curve)
    points += num(f.x(p.coverage)) + "," + num(f.y(p.risk)) + " ";
  if (!points.empty()) s += "<polyline class=\"curve\" points=\"" + points + "\"/>";
  return s + "</svg>";
}

}  // namespace unveil::report
