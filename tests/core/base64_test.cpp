#include "util/base64.h"

#include <gtest/gtest.h>

#include <string>

using unveil::base64_decode;
using unveil::base64_encode;

namespace {

std::string decoded(std::string_view text) {
  auto r = base64_decode(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : std::string("<error>");
}

std::string error_of(std::string_view text) {
  auto r = base64_decode(text, "data.tsv, line 9");
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? std::string() : r.error().message;
}

}  // namespace

// RFC 4648, section 10.
TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(decoded(encoded), plain);
  }
}

TEST(Base64, WhitespaceAndNewlinesInsideAreSkipped) {
  EXPECT_EQ(decoded("Zm9v\nYmFy\r\n"), "foobar");
  EXPECT_EQ(decoded("  Zm 9v\tYg\n=\n= "), "foob");
  EXPECT_EQ(decoded("\n"), "");
}

TEST(Base64, PaddingIsOptionalButMustBeRightWhenPresent) {
  EXPECT_EQ(decoded("Zm9vYg"), "foob");
  EXPECT_EQ(decoded("Zm9vYmE"), "fooba");
  EXPECT_NE(error_of("Zg=").find("padding"), std::string::npos);
  EXPECT_NE(error_of("Zm9v=").find("padding"), std::string::npos);
  EXPECT_NE(error_of("Zm8==").find("padding"), std::string::npos);
  EXPECT_NE(error_of("====").find("padding"), std::string::npos);
  EXPECT_NE(error_of("Zg==Zg==").find("after the '=' padding"), std::string::npos);
}

TEST(Base64, InvalidCharactersAreErrorsNamingWhereAndWhat) {
  const std::string e = error_of("Zm9v!mFy");
  EXPECT_NE(e.find("data.tsv, line 9"), std::string::npos) << e;
  EXPECT_NE(e.find("'!'"), std::string::npos) << e;
  EXPECT_NE(e.find("offset 4"), std::string::npos) << e;
  EXPECT_NE(error_of("Zm9v-_").find("'-'"), std::string::npos);  // URL-safe alphabet: not ours
  EXPECT_NE(error_of(std::string("Zm9v\0", 5)).find("byte 0x00"), std::string::npos);
  EXPECT_NE(error_of("Zm9vY").find("multiple of 4"), std::string::npos);
}

TEST(Base64, EveryByteValueRoundTrips) {
  std::string all;
  for (int b = 0; b < 256; ++b)
    all.push_back(static_cast<char>(b));
  for (std::size_t n = 0; n <= all.size(); n += 37)
    EXPECT_EQ(decoded(base64_encode(all.substr(0, n))), all.substr(0, n));
  EXPECT_EQ(decoded(base64_encode(all)), all);
}
