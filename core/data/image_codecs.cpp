#include "data/image_codecs.h"

#include <atomic>

#include "util/modules.h"

namespace unveil::data::codecs {
namespace {

std::atomic<bool> g_loaded{false};

struct Loaded {
  const module::Api* api = nullptr;
  std::string error;
};

const Loaded& api() {
  static const Loaded l = [] {
    Loaded r;
    const util::ModuleSpec spec{"image codecs module",
                                "libunveil_imgcodecs.so",
                                UNVEIL_IMGCODECS_MODULE_RELATIVE,
                                UNVEIL_IMGCODECS_MODULE_BUILD,
                                UNVEIL_IMGCODECS_MODULE_INSTALLED,
                                "UNVEIL_IMGCODECS_MODULE",
                                module::kEntrySymbol};
    auto entry = util::open_module(spec);
    if (!entry) {
      r.error = entry.error().message + ", so no image can be read or written";
      return r;
    }
    const module::Api* a = reinterpret_cast<module::EntryFn>(*entry)();
    if (!a || a->abi != module::kAbi) {
      r.error = "the image codecs module is another build of Unveil's (its interface differs)";
      return r;
    }
    r.api = a;
    g_loaded = true;
    return r;
  }();
  return l;
}

}  // namespace

Result<cv::Mat> decode(const cv::Mat& buf, int flags) {
  const Loaded& l = api();
  if (!l.api) return Error{l.error};
  return l.api->decode(buf, flags);
}

Result<bool> encode(const std::string& ext, const cv::Mat& image, std::vector<std::uint8_t>& out,
                    const std::vector<int>& params) {
  const Loaded& l = api();
  if (!l.api) return Error{l.error};
  return l.api->encode(ext, image, out, params);
}

bool loaded() {
  return g_loaded.load();
}

}  // namespace unveil::data::codecs
