// Rule pack loading on arbitrary files: a broken pack is a RuleError with file and line (exit 2),
// never a crash, a hang or another exception. The input is pack.yaml, then further files, each
// introduced by a line "#== <path>" (e.g. "#== metadata.yaml", "#== data/sigs.yaml").
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include "engine/pack.h"
#include "engine/rule_error.h"
#include "fuzz_support.h"

namespace {

std::vector<keplint::PackFile> split_files(std::string_view input) {
  constexpr std::string_view kMarker = "\n#== ";
  std::vector<keplint::PackFile> files;
  std::string path = "pack.yaml";
  while (true) {
    std::size_t next = input.find(kMarker);
    files.push_back({path, std::string(input.substr(0, next == input.npos ? input.size() : next))});
    if (next == input.npos) break;
    input.remove_prefix(next + kMarker.size());
    std::size_t eol = input.find('\n');
    path = std::string(input.substr(0, eol));
    input.remove_prefix(eol == input.npos ? input.size() : eol + 1);
  }
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace keplint;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<PackFile> files = split_files(input);
  try {
    Pack pack = load_pack("fuzz", files);
    for (const Rule& rule : pack.rules) {
      FUZZ_CHECK(!rule.id.empty() && !rule.name.empty(), "rule without id or name");
      FUZZ_CHECK(pack.find_rule(rule.id) != nullptr, "rule not found by id");
    }
  } catch (const RuleError& e) {
    FUZZ_CHECK(e.position().line >= 1 && e.position().column >= 1, e.what());
    FUZZ_CHECK(!e.file().empty(), e.what());
  } catch (const std::exception& e) {
    FUZZ_CHECK(false, std::string("not a RuleError: ") + e.what());
  }
  return 0;
}
