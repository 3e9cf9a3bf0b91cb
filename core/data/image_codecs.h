// OpenCV's image codecs (cv::imdecode, cv::imencode) through the module libunveil_imgcodecs.so,
// loaded on the first image decoded or encoded. Why a module: libopencv_imgcodecs brings about 90
// libraries with it (GDAL, GDCM, OpenEXR, ...) whose loading costs ~120 ms at every start of a
// program that links it, and most of what a user does reads no image. OpenCV's core and imgproc
// (cheap to load) stay linked; only these two calls cross, with OpenCV's own types.
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "util/result.h"

namespace unveil::data::codecs {

/// cv::imdecode(buf, flags): an empty Mat when the decoder rejects the bytes. Throws what OpenCV
/// throws (cv::Exception). An error only when the module cannot be loaded, saying why.
Result<cv::Mat> decode(const cv::Mat& buf, int flags);

/// cv::imencode(ext, image, out, params): false when the encoder fails. Throws what OpenCV
/// throws. An error only when the module cannot be loaded.
Result<bool> encode(const std::string& ext, const cv::Mat& image, std::vector<std::uint8_t>& out,
                    const std::vector<int>& params);

/// Whether this process has loaded the module yet (nothing is loaded by asking).
bool loaded();

namespace module {
inline constexpr int kAbi = 1;
inline constexpr const char* kEntrySymbol = "unveil_imgcodecs_api";
struct Api {
  int abi;
  cv::Mat (*decode)(const cv::Mat& buf, int flags);
  bool (*encode)(const std::string& ext, const cv::Mat& image, std::vector<std::uint8_t>& out,
                 const std::vector<int>& params);
};
/// `const Api* unveil_imgcodecs_api()`
using EntryFn = const Api* (*)();
}  // namespace module

}  // namespace unveil::data::codecs
