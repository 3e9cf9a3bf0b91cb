// SHA-256 (FIPS 180-4), small and dependency-free: content keys for the thumbnail cache and file
// hashes for the store. Not constant-time; not for secrets.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace unveil {

class Sha256 {
 public:
  using Digest = std::array<std::uint8_t, 32>;

  Sha256();
  void update(const void* data, std::size_t size);
  void update(std::string_view data) { update(data.data(), data.size()); }
  /// The digest of everything passed to update(); the object is reset afterwards.
  Digest finish();

 private:
  void compress(const std::uint8_t* block);
  void reset();

  std::array<std::uint32_t, 8> h_{};
  std::array<std::uint8_t, 64> block_{};
  std::size_t block_len_ = 0;
  std::uint64_t total_len_ = 0;  ///< bytes
};

Sha256::Digest sha256(std::string_view data);
/// Lower-case hexadecimal, 64 characters.
std::string to_hex(const Sha256::Digest& digest);
std::string sha256_hex(std::string_view data);

}  // namespace unveil
