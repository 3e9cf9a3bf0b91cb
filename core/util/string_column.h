// Many short strings in one buffer: a million ids cost one allocation, not a million.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unveil {

class StringColumn {
 public:
  void reserve(std::size_t n, std::size_t bytes) {
    ends_.reserve(n);
    data_.reserve(bytes);
  }
  void push_back(std::string_view s) {
    data_.append(s);
    ends_.push_back(data_.size());
  }
  void append(const StringColumn& o) {
    const std::size_t base = data_.size();
    data_.append(o.data_);
    for (std::size_t e : o.ends_)
      ends_.push_back(base + e);
  }
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(data_).substr(begin, ends_[i] - begin);
  }
  std::size_t size() const { return ends_.size(); }
  /// True when every string is empty (the column carries no information).
  bool all_empty() const { return data_.empty(); }

 private:
  std::string data_;
  std::vector<std::size_t> ends_;
};

}  // namespace unveil
