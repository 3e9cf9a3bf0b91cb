// What the report's pictures are drawn on: a few primitives in picture units (y down), each with
// the ink it is drawn in. svg_plots draws every kind of picture once on this interface; the SVG
// writer turns the inks into CSS classes, the PDF writer into colours and line styles.
#pragma once

#include <string>
#include <vector>

namespace unveil::report {

/// The parts of a picture, each drawn in its own style.
enum class Ink {
  kAxis,      ///< axes and ticks
  kBar,       ///< bars (filled)
  kGap,       ///< the gap between accuracy and confidence (translucent red)
  kInterval,  ///< whiskers of an interval
  kDiagonal,  ///< the diagonal of perfect calibration (dashed)
  kCurve,     ///< a data curve
};

enum class Anchor { kStart, kMiddle, kEnd };

struct Point {
  double x = 0, y = 0;
};

class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual void line(Point a, Point b, Ink ink) = 0;
  /// A filled rectangle; `tooltip` is shown on hover where the format can (SVG).
  virtual void rect(double x, double y, double width, double height, Ink ink,
                    const std::string& tooltip) = 0;
  virtual void polygon(const std::vector<Point>& points, Ink ink) = 0;
  virtual void polyline(const std::vector<Point>& points, Ink ink) = 0;
  /// Text with its baseline at `at`; `title` text is larger and bold; `vertical` text reads
  /// upwards (turned 90 degrees anticlockwise about `at`).
  virtual void text(Point at, Anchor anchor, const std::string& s, bool title = false,
                    bool vertical = false) = 0;
};

}  // namespace unveil::report
