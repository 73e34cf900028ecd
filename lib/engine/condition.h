// A rule's `when:` condition on metadata fields.
//
//   when:
//     status: {in: [implementable, implemented]}
//     latest-milestone: {version-at-least: v1.21}
//
// A mapping of fields means all must hold; `all:`, `any:` and `not:` combine conditions. Field
// names and values may use {variables} ({release} in freeze mode, other metadata fields).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/params.h"
#include "repo/path_template.h"

namespace keplint {

class Condition;

struct ConditionInput {
  const YamlNode* metadata = nullptr;  // root of the proposal's metadata document
  VariableLookup variables;            // {name} -> value; null means metadata only
  bool in_changed_set = true;          // the proposal was named by the changed-file set
  // The pack's `release: targets:` condition, for `targets-release: true` (freeze checks).
  const Condition* release_targets = nullptr;
};

class Condition {
 public:
  Condition();  // always true
  ~Condition();
  Condition(Condition&&) noexcept;
  Condition& operator=(Condition&&) noexcept;

  // Parses a `when:` node (nullptr: always true). Throws RuleError.
  static Condition parse(const YamlNode* node, const std::string& file);
  bool evaluate(const ConditionInput& input) const;
  bool always() const;

  struct Node;

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace keplint
