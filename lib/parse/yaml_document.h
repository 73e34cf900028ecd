// YAML with exact source positions, built from yaml-cpp's event stream.
// Scalars stay as written ("0752" stays "0752"; dates are not converted), duplicate keys are
// reported (yaml-cpp keeps them silently), and aliases are linked, never expanded, so a
// "billion laughs" document stays small.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "document/source_file.h"

namespace keplint {

enum class YamlKind { Null, Scalar, Sequence, Mapping, Alias };

struct YamlNode;

struct YamlEntry {
  const YamlNode* key;
  const YamlNode* value;
};

struct YamlNode {
  YamlKind kind = YamlKind::Null;
  std::string value;  // scalar text after unquoting, exactly as the parser read it
  bool plain = true;  // false for quoted and block scalars
  // A scalar's trailing comment on its own line, without '#' and surrounding blanks
  // (`- "@alice"  # sig-node-assigned-approver` -> "sig-node-assigned-approver"). Packs select
  // list items by such markers; other comments are not kept.
  std::string comment;
  Range range;                         // byte columns, end inclusive
  std::vector<const YamlNode*> items;  // sequence
  std::vector<YamlEntry> entries;      // mapping, in source order (duplicates included)
  const YamlNode* alias_target = nullptr;

  // Follows aliases (bounded) to the node they name.
  const YamlNode& resolved() const;
  // True for an empty value and for plain `null`, `Null`, `NULL`, `~`.
  bool is_null() const;
  bool is_scalar() const { return resolved().kind == YamlKind::Scalar && !is_null(); }
  bool is_mapping() const { return resolved().kind == YamlKind::Mapping; }
  bool is_sequence() const { return resolved().kind == YamlKind::Sequence; }
  // The first entry with this key in a mapping, or nullptr.
  const YamlEntry* find(std::string_view key) const;
  const YamlNode* get(std::string_view key) const;
};

struct YamlProblem {
  enum class Kind { Syntax, DuplicateKey, MultipleDocuments, TooDeep };
  Kind kind;
  Range range;
  std::string message;
  std::string key;  // for DuplicateKey
};

struct YamlLimits {
  int max_depth = 100;
  std::size_t max_nodes = 200000;
};

class YamlDocument {
 public:
  // Parses `length` bytes of the source from `offset` (the whole file by default; front matter
  // passes its slice). Positions always refer to the whole file. Never throws.
  static YamlDocument parse(SourcePtr source, std::size_t offset = 0,
                            std::size_t length = std::string::npos, const YamlLimits& limits = {});

  const YamlNode* root() const { return root_; }  // null when empty or unparsable
  const std::vector<YamlProblem>& problems() const { return problems_; }
  bool has_syntax_error() const;
  const SourcePtr& source() const { return source_; }

  YamlDocument(YamlDocument&&) = default;
  YamlDocument& operator=(YamlDocument&&) = default;

 private:
  YamlDocument() = default;
  friend class YamlBuilder;

  SourcePtr source_;
  std::deque<YamlNode> nodes_;  // deque: node addresses stay valid while it grows
  const YamlNode* root_ = nullptr;
  std::vector<YamlProblem> problems_;
};

}  // namespace keplint
