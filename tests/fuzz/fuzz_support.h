// Shared by the fuzz targets: a failed invariant aborts (libFuzzer then saves the input), and a
// small consumer turns the fuzzer's bytes into structured values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

// Always on, unlike assert(): the targets are built RelWithDebInfo with NDEBUG.
#define FUZZ_CHECK(condition, what)                                                          \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::string fuzz_check_what_(what); /* may hold NUL bytes: written whole */            \
      std::fprintf(stderr, "%s:%d: invariant failed: %s (", __FILE__, __LINE__, #condition); \
      std::fwrite(fuzz_check_what_.data(), 1, fuzz_check_what_.size(), stderr);              \
      std::fputs(")\n", stderr);                                                             \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

namespace keplint::fuzz {

// Reads values from the front of the input; when it runs out, values are 0 and strings empty.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size)
      : data_(reinterpret_cast<const char*>(data), size) {}

  bool empty() const { return data_.empty(); }
  std::uint8_t byte() {
    if (data_.empty()) return 0;
    auto b = static_cast<std::uint8_t>(data_.front());
    data_.remove_prefix(1);
    return b;
  }
  // A value in [lo, hi].
  int integer(int lo, int hi) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | byte();
    return lo + static_cast<int>(v % static_cast<std::uint32_t>(hi - lo + 1));
  }
  // Bytes up to the next 0x00 separator (or the end), at most `max` of them.
  std::string string(std::size_t max = 4096) {
    std::size_t end = data_.find('\0');
    std::size_t n = std::min(end == std::string_view::npos ? data_.size() : end, max);
    std::string out(data_.substr(0, n));
    data_.remove_prefix(std::min(data_.size(), n + (n == end ? 1 : 0)));
    return out;
  }
  std::string rest() {
    std::string out(data_);
    data_ = {};
    return out;
  }

 private:
  std::string_view data_;
};

}  // namespace keplint::fuzz
