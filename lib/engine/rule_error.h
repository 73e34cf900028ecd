// A broken pack or config: reported with file and line, exit code 2.
#pragma once

#include <stdexcept>
#include <string>

#include "document/source_file.h"

namespace keplint {

class RuleError : public std::runtime_error {
 public:
  RuleError(std::string file, Position pos, const std::string& message)
      : std::runtime_error(file + ":" + std::to_string(pos.line) + ":" +
                           std::to_string(pos.column) + ": " + message),
        file_(std::move(file)),
        pos_(pos) {}
  const std::string& file() const { return file_; }
  Position position() const { return pos_; }

 private:
  std::string file_;
  Position pos_;
};

}  // namespace keplint
