// GitHub Checks API annotation objects (a JSON array), for a step that creates a check run.
#pragma once

#include <cstddef>

#include "report/reporter.h"

namespace keplint {

// The Checks API's limits on one annotation.
inline constexpr std::size_t kAnnotationTitleMaxChars = 255;
inline constexpr std::size_t kAnnotationTextMaxBytes = 64 * 1024;

class AnnotationsReporter final : public Reporter {
 public:
  void write(const Report& report, std::ostream& out) override;
};

}  // namespace keplint
