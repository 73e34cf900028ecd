// The rule packs under rules/, compiled into the binary (see cmake/EmbedPacks.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace keplint {

struct EmbeddedFile {
  std::string_view path;  // relative to rules/, e.g. "kubernetes/pack.yaml"
  std::string_view text;
};

const std::vector<EmbeddedFile>& embedded_pack_files();

}  // namespace keplint
