#include "util/sha256.h"

#include <gtest/gtest.h>

#include <string>

using unveil::Sha256;
using unveil::sha256_hex;

// FIPS 180-2, Appendix B (SHA-256 examples) and the empty message.
TEST(Sha256, Fips180OneBlockMessage) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, EmptyMessage) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, Fips180MultiBlockMessage) {
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, Fips180MillionAs) {
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Padding boundaries: 55 bytes fit one block with the length, 56 need a second, 64 fill one.
// Reference digests from Python's hashlib.sha256.
TEST(Sha256, PaddingBoundaries) {
  EXPECT_EQ(sha256_hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

// Every byte value three times (768 bytes), fed in uneven pieces; hashlib gives the reference.
TEST(Sha256, IncrementalUpdatesInUnevenPieces) {
  std::string data;
  for (int r = 0; r < 3; ++r)
    for (int b = 0; b < 256; ++b)
      data.push_back(static_cast<char>(b));
  const std::string expected = "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363";
  EXPECT_EQ(sha256_hex(data), expected);
  Sha256 h;
  std::size_t pos = 0;
  for (std::size_t piece = 1; pos < data.size(); piece = piece * 3 % 97 + 1) {
    const std::size_t n = std::min(piece, data.size() - pos);
    h.update(data.data() + pos, n);
    pos += n;
  }
  EXPECT_EQ(unveil::to_hex(h.finish()), expected);
  // finish() resets: the same object hashes a new message from scratch.
  h.update("abc");
  EXPECT_EQ(unveil::to_hex(h.finish()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
