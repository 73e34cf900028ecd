// A proposal and its documents, each read and parsed once and shared by every rule.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parse/yaml_document.h"
#include "repo/layout.h"
#include "repo/path_template.h"
#include "repo/repository.h"

namespace keplint {

class MarkdownDocument;

struct LoadedDocument {
  const DocumentSpec* spec = nullptr;
  std::string path;   // repo-relative; empty when the path template could not be filled
  FilledPath filled;  // why the path is empty
  ReadResult::Status status = ReadResult::Status::NotFound;
  std::string read_detail;
  SourcePtr source;                                  // the text, when read
  std::optional<YamlDocument> yaml;                  // metadata (file or front matter)
  std::shared_ptr<const MarkdownDocument> markdown;  // Markdown documents (and front-matter bodies)
  bool front_matter_unclosed = false;                // "---" opens metadata that no "---" closes

  bool exists() const { return source != nullptr; }
  // The YAML root when parsed without a syntax error.
  const YamlNode* yaml_root() const { return yaml ? yaml->root() : nullptr; }
};

struct Proposal {
  std::string path;  // repo-relative directory (or file)
  std::string key;   // from the path, e.g. the KEP number prefix
  bool in_changed_set = true;
  std::vector<LoadedDocument> documents;  // one per DocumentSpec, in layout order

  const LoadedDocument* document(std::string_view role) const;
  const LoadedDocument* primary() const;
  const YamlNode* metadata() const;
  // {name} lookup: built-ins (dir, dir-name, key, proposal) then metadata scalars.
  std::optional<std::string> variable(std::string_view name) const;
};

// Reads and parses a file outside any proposal for file-level rules; the format follows the
// extension (.md: Markdown, .yaml/.yml: YAML).
LoadedDocument load_file_document(const Repository& repo, const std::string& path);

// Reads and parses a proposal's documents. The primary document is loaded first because the
// other paths may need its fields (the PRR path uses owning-sig and kep-number).
Proposal load_proposal(const Repository& repo, const Layout& layout, const std::string& path);

}  // namespace keplint
