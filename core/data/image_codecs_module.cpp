// The module libunveil_imgcodecs.so (why: image_codecs.h): the only file that calls
// libopencv_imgcodecs.
#include <opencv2/imgcodecs.hpp>

#include "data/image_codecs.h"

namespace {

cv::Mat decode(const cv::Mat& buf, int flags) {
  return cv::imdecode(buf, flags);
}

bool encode(const std::string& ext, const cv::Mat& image, std::vector<std::uint8_t>& out,
            const std::vector<int>& params) {
  return cv::imencode(ext, image, out, params);
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const unveil::data::codecs::module::Api*
unveil_imgcodecs_api() {
  static const unveil::data::codecs::module::Api api{unveil::data::codecs::module::kAbi, decode,
                                                     encode};
  return &api;
}
