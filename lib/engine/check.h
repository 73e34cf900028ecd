// The interface every check kind implements, the context a check runs in, and the registry.
//
// A check kind is generic code ("one-of", "file-exists"); a rule in a pack instantiates it with
// parameters. Adding a kind is one file in lib/checks/ plus one line in checks/registry.cpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/params.h"
#include "engine/proposal.h"

namespace keplint {

struct Rule;
struct Dataset;
class RunContext;

using MessageVars = std::map<std::string, std::string, std::less<>>;

// Where a finding goes: a document and a range in it. Line 0 = the file as a whole.
struct Location {
  std::string path;
  Range range;
  SourcePtr source;
  std::string anchor;           // stable anchor for baselines: YAML key path or heading text
  bool about_file = false;      // see Finding::about_file
  bool never_filtered = false;  // see Finding::never_filtered
};

Location location_of(const LoadedDocument& doc, Range range, std::string anchor = "");
// The whole-node range of a YAML value (or its key when `prefer_key`).
Location location_of(const LoadedDocument& doc, const YamlNode* node, std::string anchor = "");

// Shared by proposal and repository contexts: rule, run data, and reporting.
class CheckContext {
 public:
  CheckContext(const Rule& rule, const RunContext& run, std::vector<Finding>& out)
      : rule_(rule), run_(run), out_(out) {}
  virtual ~CheckContext() = default;

  const Rule& rule() const { return rule_; }
  const RunContext& run() const { return run_; }
  const Dataset* dataset(std::string_view name) const;

  // Renders the rule's message (or `fallback_message` when the rule has none) with `vars`.
  // `fixed_text`: the whole file as `--fix` should write it, for fixable findings.
  void report(const Location& where, const MessageVars& vars, std::string_view fallback_message,
              std::string raw_details = "",
              std::shared_ptr<const std::string> fixed_text = nullptr);
  // A finding that the check could not be made (its data is missing): the rule's message, which
  // describes a violation, would mislead, so `message` is used as given (with {vars}).
  void report_unchecked(const Location& where, const MessageVars& vars, std::string_view message);
  // {name} lookup for messages and templates; proposal contexts add metadata fields.
  virtual std::optional<std::string> variable(std::string_view name) const;
  // Fills {name} placeholders from variable(); nullopt when one has no value.
  std::optional<std::string> expand(std::string_view tmpl) const;

 protected:
  virtual std::string proposal_path() const { return {}; }

 private:
  void emit(const Location& where, const MessageVars& vars, std::string_view tmpl,
            std::string raw_details, std::shared_ptr<const std::string> fixed_text);
  const Rule& rule_;
  const RunContext& run_;
  std::vector<Finding>& out_;
};

class ProposalContext : public CheckContext {
 public:
  ProposalContext(const Rule& rule, const RunContext& run, std::vector<Finding>& out,
                  const Proposal& proposal, const LoadedDocument* document)
      : CheckContext(rule, run, out), proposal_(proposal), document_(document) {}

  const Proposal& proposal() const { return proposal_; }
  // The document named by the rule's `applies-to` (null for `applies-to: proposal`).
  const LoadedDocument* document() const { return document_; }
  std::optional<std::string> variable(std::string_view name) const override;

 protected:
  std::string proposal_path() const override { return proposal_.path; }

 private:
  const Proposal& proposal_;
  const LoadedDocument* document_;
};

// A file-level rule's view of one file (a Markdown page, a YAML file): the parsed document is
// shared with the proposal that owns the file, if any, so nothing is parsed twice.
class FileContext : public CheckContext {
 public:
  FileContext(const Rule& rule, const RunContext& run, std::vector<Finding>& out,
              const LoadedDocument& document, std::string proposal)
      : CheckContext(rule, run, out), document_(document), proposal_(std::move(proposal)) {}
  const LoadedDocument& document() const { return document_; }

 protected:
  std::string proposal_path() const override { return proposal_; }

 private:
  const LoadedDocument& document_;
  std::string proposal_;
};

class RepositoryContext : public CheckContext {
 public:
  using CheckContext::CheckContext;
  // Files the run covers that match `glob`: every file in a whole-repo run, the changed (and
  // still present) files in a changed-set run.
  std::vector<std::string> files_in_scope(std::string_view glob) const;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void check_proposal(ProposalContext&) const {}
  virtual void check_repository(RepositoryContext&) const {}
  virtual void check_file(FileContext&) const {}
};

// Where a kind runs: once per proposal (on one of its documents or the proposal as a whole),
// once per repository, or once per matching file (`applies-to: files`).
enum class CheckScope { Proposal, Repository, File };

// The shape a parameter's value must have; the loader checks it before the factory runs.
enum class ParamType {
  String,     // a scalar
  Strings,    // a scalar or a list of scalars
  Boolean,    // true / false
  Integer,    // a whole number
  Regex,      // an RE2 pattern
  FieldPath,  // a field path into a document (see engine/field_path.h)
  Glob,       // a path glob (see repo/glob.h for the dialect)
  Globs,      // a glob or a list of globs
  Mapping,    // a nested mapping
  List,       // a list of mappings or scalars
};

// One declared parameter of a check kind. The declaration is the source of truth for loading
// (unknown keys, types, allowed values) and for the generated reference in docs/.
struct ParamSpec {
  std::string_view name;
  ParamType type = ParamType::String;
  bool required = false;
  std::vector<std::string_view> allowed;  // non-empty: the only accepted scalar values
  std::string_view description;
};

// What the registry knows about a kind: its name, where it runs, its declared parameters, and a
// factory that reads them.
struct CheckKind {
  std::string_view name;
  std::string_view summary;
  CheckScope scope = CheckScope::Proposal;
  std::unique_ptr<Check> (*create)(Params& params);
  std::vector<ParamSpec> params = {};
  // A `check:` mapping that uses the kind, as a rule writes it (YAML flow style); the generated
  // docs show it and a test loads it.
  std::string_view example = {};
};

std::string_view param_type_name(ParamType type);

// Checks a rule's `check:` mapping against the kind's declaration before the factory runs: every
// key (but `kind`) is declared, required keys are there, values have the declared shape and one
// of the `allowed` values. Throws RuleError at the offending key or value.
void validate_check_params(const CheckKind& kind, const YamlNode* check, const std::string& file,
                           const std::string& what);

const std::vector<CheckKind>& check_kinds();
const CheckKind* find_check_kind(std::string_view name);

}  // namespace keplint
