// index: a shared document lists the proposals (a Markdown table, a YAML list such as
// gateway-api's nav.yml): every proposal the `listed` condition selects appears, every entry
// names an existing proposal, and what an entry states (its status, title, or the section it is
// under) agrees with the proposal's metadata. The index is read line by line:
//   file: nav.yml
//   entry: '^\s+- (?P<proposal>geps/gep-[0-9]+)/index\.md$'   an entry line; `proposal` names the
//                                                  proposal (a path, or a key-field value); other
//                                                  named groups are metadata fields it states
//   section: '^    - (?P<status>[A-Za-z]+):$'      optional: a line whose named groups apply to
//                                                  the entries below it, up to the next section
//   key-field: number                               match `proposal` to this field, not to paths
//   listed: {status: {in: [Standard, Experimental]}}   proposals that must be listed (default: all)
// In a changed-set run, entries are checked when the index or their proposal changed; missing
// proposals are reported (on their metadata) when they or the index changed.
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "checks/field_values.h"
#include "checks/proposal_set.h"
#include "engine/run_context.h"

namespace keplint {

namespace {

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::string_view trim_path(std::string_view v) {
  while (v.starts_with("./")) v.remove_prefix(2);
  while (v.starts_with('/')) v.remove_prefix(1);
  while (v.ends_with('/')) v.remove_suffix(1);
  return v;
}

struct Capture {
  std::string value;
  std::size_t offset;  // in the file
};

// Named groups of `re` matched in `line` (at `line_offset` in the file); nullopt without a match.
std::optional<std::map<std::string, Capture>> match_line(const re2::RE2& re, std::string_view line,
                                                         std::size_t line_offset) {
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n) + 1);
  if (!re.Match(re2::StringPiece(line.data(), line.size()), 0, line.size(), re2::RE2::UNANCHORED,
                groups.data(), n + 1)) {
    return std::nullopt;
  }
  std::map<std::string, Capture> out;
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece& g = groups[static_cast<std::size_t>(index)];
    if (g.data() == nullptr) continue;
    std::string_view text(g.data(), g.size());
    std::size_t lead = std::min(text.size(), text.find_first_not_of(" \t"));
    out[name] = {trim(text), line_offset + static_cast<std::size_t>(g.data() - line.data()) + lead};
  }
  return out;
}

class IndexCheck : public Check {
 public:
  explicit IndexCheck(Params& p)
      : file_(p.string("file")),
        entry_(p.regex("entry")),
        section_(p.regex("section", true)),
        key_field_(p.field_path("key-field", true)),
        listed_(Condition::parse(p.node("listed"), p.file())) {
    if (!entry_->NamedCapturingGroups().count("proposal")) {
      p.fail("entry", "needs a named group (?P<proposal>...) for the proposal an entry names");
    }
  }

  void check_repository(RepositoryContext& ctx) const override {
    const RunContext& run = ctx.run();
    bool index_in_scope = run.whole_repo() || !ctx.files_in_scope(file_).empty();
    std::set<std::string> scope = proposals_in_scope(run);
    ReadResult read = run.repo().read(file_);
    if (!read.ok()) {
      if (index_in_scope || !scope.empty()) {
        ctx.report_unchecked({file_, Range{}, nullptr, file_, true}, {{"file", file_}},
                             "cannot check the index {file}: " + read.detail);
      }
      return;
    }
    const SourceFile& source = *read.source;
    LoadedDocument index;
    index.path = file_;
    index.source = read.source;
    index.status = read.status;

    std::vector<ProposalMetadata> all = load_all_metadata(run);
    std::map<std::string, std::vector<const ProposalMetadata*>, std::less<>> by_key;
    for (const ProposalMetadata& p : all) {
      if (key_field_.empty()) {
        by_key[p.path].push_back(&p);
      } else if (const YamlNode* v = first_scalar(p.root(), key_field_)) {
        by_key[v->value].push_back(&p);
      }
    }

    std::set<const ProposalMetadata*> listed;
    std::map<std::string, Capture> section;
    for (int line = 1; line <= source.line_count(); ++line) {
      std::string_view text = source.line_text(line);
      std::size_t offset = source.line_offset(line);
      if (section_) {
        if (auto s = match_line(*section_, text, offset)) {
          section = std::move(*s);
          continue;
        }
      }
      auto e = match_line(*entry_, text, offset);
      if (!e) continue;
      auto ref = e->find("proposal");
      if (ref == e->end()) continue;
      const Capture& named = ref->second;
      auto at = [&](const Capture& c) {
        return location_of(index,
                           source.range_of(c.offset, std::max<std::size_t>(1, c.value.size())),
                           file_ + ":" + named.value);
      };
      auto found =
          by_key.find(key_field_.empty() ? trim_path(named.value) : std::string_view(named.value));
      if (found == by_key.end()) {
        if (index_in_scope) {
          ctx.report(at(named), {{"file", file_}, {"value", named.value}},
                     "{file} lists '{value}', which names no proposal");
        }
        continue;
      }
      for (const ProposalMetadata* p : found->second) {
        listed.insert(p);
        if (!index_in_scope && !scope.count(p->path)) continue;
        // What the entry states, from its own groups and its section's.
        std::map<std::string, Capture> stated = section;
        for (auto& [name, c] : *e) stated[name] = c;
        for (const auto& [field, c] : stated) {
          if (field == "proposal") continue;
          const YamlNode* v = first_scalar(p->root(), field);
          if (v && v->value == c.value) continue;
          MessageVars vars{{"file", file_},
                           {"field", field},
                           {"listed", c.value},
                           {"proposal", p->path},
                           {"value", v ? v->value : ""},
                           {"metadata", p->document.path}};
          ctx.report(at(c), vars,
                     v ? "{file} lists {proposal} with {field} '{listed}', but {metadata} says "
                         "'{value}'"
                       : "{file} lists {proposal} with {field} '{listed}', but {metadata} has no "
                         "{field}");
        }
      }
    }

    for (const ProposalMetadata& p : all) {
      if (listed.count(&p) || !p.root() || !condition_holds(listed_, p)) continue;
      if (!index_in_scope && !scope.count(p.path)) continue;
      Location where{p.document.path, Range::line(1), p.document.source, file_};
      ctx.report(where, {{"file", file_}, {"proposal", p.path}},
                 "{proposal} is not listed in {file}");
    }
  }

 private:
  std::string file_;
  std::shared_ptr<const re2::RE2> entry_;
  std::shared_ptr<const re2::RE2> section_;
  std::string key_field_;
  Condition listed_;
};

}  // namespace

std::unique_ptr<Check> make_index_check(Params& p) {
  return std::make_unique<IndexCheck>(p);
}

}  // namespace keplint
