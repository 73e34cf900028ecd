#include "parse/yaml_document.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "document/utf8.h"
#include "parse/simple_yaml.h"

namespace keplint {

const YamlNode& YamlNode::resolved() const {
  const YamlNode* node = this;
  for (int hops = 0; node->kind == YamlKind::Alias && node->alias_target && hops < 32; ++hops) {
    node = node->alias_target;
  }
  return *node;
}

bool YamlNode::is_null() const {
  const YamlNode& n = resolved();
  if (n.kind == YamlKind::Null) return true;
  if (n.kind != YamlKind::Scalar || !n.plain) return false;
  return n.value.empty() || n.value == "~" || n.value == "null" || n.value == "Null" ||
         n.value == "NULL";
}

const YamlEntry* YamlNode::find(std::string_view key) const {
  const YamlNode& n = resolved();
  for (const YamlEntry& e : n.entries) {
    if (e.key->kind == YamlKind::Scalar && e.key->value == key) return &e;
  }
  return nullptr;
}

const YamlNode* YamlNode::get(std::string_view key) const {
  const YamlEntry* e = find(key);
  return e ? e->value : nullptr;
}

bool YamlDocument::has_syntax_error() const {
  for (const auto& p : problems_) {
    if (p.kind == YamlProblem::Kind::Syntax || p.kind == YamlProblem::Kind::TooDeep) return true;
  }
  return false;
}

namespace {

struct StopParsing {
  YamlProblem problem;
};

// Where a scalar token ends on its line, so a finding can underline the value.
int scalar_end_column(std::string_view line, int start_col, const std::string& value) {
  std::size_t i = static_cast<std::size_t>(start_col - 1);
  if (i >= line.size()) return start_col;
  char first = line[i];
  if (first == '"' || first == '\'') {
    for (std::size_t j = i + 1; j < line.size(); ++j) {
      if (first == '"' && line[j] == '\\') {
        ++j;
        continue;
      }
      if (line[j] == first) {
        if (first == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
          ++j;
          continue;
        }
        return static_cast<int>(j) + 1;
      }
    }
    return static_cast<int>(line.size());
  }
  if (first == '|' || first == '>') return start_col;
  if (value.find('\n') == std::string::npos && line.substr(i, value.size()) == value &&
      !value.empty()) {
    return start_col + static_cast<int>(value.size()) - 1;
  }
  return start_col;
}

// The comment that follows a scalar ending at `end_col` on the same line: blanks, then '#'.
std::string trailing_comment(std::string_view line, int end_col) {
  std::size_t i = static_cast<std::size_t>(std::max(end_col, 0));
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size() || line[i] != '#' || i == static_cast<std::size_t>(end_col)) return {};
  std::string_view rest = line.substr(i + 1);
  std::size_t b = rest.find_first_not_of(" \t");
  std::size_t e = rest.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? std::string() : std::string(rest.substr(b, e - b + 1));
}

// yaml-cpp's marks can point one line past the last (the empty node of a document that ends
// the file) or past a line's end; findings must point at text that exists.
Position clamp_to_source(const SourceFile& source, Position p) {
  bool past_the_end = p.line > source.line_count();
  p.line = std::clamp(p.line, 1, source.line_count());
  int line_end = static_cast<int>(source.line_text(p.line).size()) + 1;
  p.column = past_the_end ? line_end : std::clamp(p.column, 1, line_end);
  return p;
}

}  // namespace

class YamlBuilder : public YAML::EventHandler {
 public:
  YamlBuilder(YamlDocument& doc, int line_shift, int first_line_column_shift,
              const YamlLimits& limits)
      : doc_(doc),
        line_shift_(line_shift),
        first_line_column_shift_(first_line_column_shift),
        limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode& n = make(YamlKind::Null, mark);
    finish_leaf(n, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode& n = make(YamlKind::Alias, mark);
    auto it = anchors_.find(anchor);
    if (it != anchors_.end()) n.alias_target = it->second;
    // Aliases are shared, not expanded; leave the end at the start.
    finish_leaf(n, 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode& n = make(YamlKind::Scalar, mark);
    n.value = value;
    // yaml-cpp tags non-plain scalars "!" and plain ones "?".
    n.plain = tag != "!";
    std::string_view line = doc_.source_->line_text(n.range.start.line);
    if (n.plain && !line.empty()) {
      std::size_t i = static_cast<std::size_t>(n.range.start.column - 1);
      if (i < line.size() && (line[i] == '|' || line[i] == '>')) n.plain = false;
    }
    n.range.end = {n.range.start.line, scalar_end_column(line, n.range.start.column, value)};
    n.comment = trailing_comment(line, n.range.end.column);
    finish_leaf(n, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make(YamlKind::Sequence, mark), anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make(YamlKind::Mapping, mark), anchor);
  }
  void OnMapEnd() override {
    YamlNode* map = stack_.back().node;
    find_duplicate_keys(*map);
    close();
  }

 private:
  struct Frame {
    YamlNode* node;
    const YamlNode* pending_key = nullptr;
  };

  YamlNode& make(YamlKind kind, const YAML::Mark& mark) {
    if (doc_.nodes_.size() >= limits_.max_nodes) {
      throw StopParsing{
          {YamlProblem::Kind::TooDeep, position(mark),
           "YAML document has more than " + std::to_string(limits_.max_nodes) + " nodes", ""}};
    }
    YamlNode& n = doc_.nodes_.emplace_back();
    n.kind = kind;
    n.range = position(mark);
    return n;
  }

  Range position(const YAML::Mark& mark) const {
    int column = mark.column + 1 + (mark.line == 0 ? first_line_column_shift_ : 0);
    Position p = clamp_to_source(*doc_.source_, {mark.line + 1 + line_shift_, column});
    return {p, p};
  }

  void attach(YamlNode& n) {
    if (stack_.empty()) {
      if (!doc_.root_) doc_.root_ = &n;
      return;
    }
    Frame& top = stack_.back();
    if (top.node->kind == YamlKind::Sequence) {
      top.node->items.push_back(&n);
    } else if (!top.pending_key) {
      top.pending_key = &n;
    } else {
      // yaml-cpp can place the empty value of a last "key:" before its key (at the start of
      // the line); it belongs after it.
      if (n.kind == YamlKind::Null && n.range.start < top.pending_key->range.end) {
        n.range = Range::at(top.pending_key->range.end);
      }
      top.node->entries.push_back({top.pending_key, &n});
      top.pending_key = nullptr;
    }
  }

  void finish_leaf(YamlNode& n, YAML::anchor_t anchor) {
    if (anchor) anchors_[anchor] = &n;
    attach(n);
  }

  void open(YamlNode& n, YAML::anchor_t anchor) {
    if (anchor) anchors_[anchor] = &n;
    attach(n);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw StopParsing{
          {YamlProblem::Kind::TooDeep, n.range,
           "YAML nesting is deeper than " + std::to_string(limits_.max_depth) + " levels", ""}};
    }
    stack_.push_back({&n});
  }

  void close() {
    YamlNode* n = stack_.back().node;
    stack_.pop_back();
    // A collection ends where its last child ends.
    const YamlNode* last = nullptr;
    if (!n->items.empty()) last = n->items.back();
    if (!n->entries.empty()) last = n->entries.back().value;
    n->range.end = last ? std::max(last->range.end, n->range.start) : n->range.start;
  }

  void find_duplicate_keys(const YamlNode& map) {
    auto report = [&](const YamlNode* key, const YamlNode* first) {
      doc_.problems_.push_back({YamlProblem::Kind::DuplicateKey, key->range,
                                "duplicate key '" + key->value + "' (first defined on line " +
                                    std::to_string(first->range.start.line) + ")",
                                key->value});
    };
    // Most mappings are small: compared pairwise, without a hash table.
    if (map.entries.size() <= 16) {
      for (std::size_t i = 1; i < map.entries.size(); ++i) {
        const YamlNode* key = map.entries[i].key;
        if (key->kind != YamlKind::Scalar) continue;
        for (std::size_t j = 0; j < i; ++j) {
          const YamlNode* earlier = map.entries[j].key;
          if (earlier->kind == YamlKind::Scalar && earlier->value == key->value) {
            report(key, earlier);
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, const YamlNode*> seen;
    for (const YamlEntry& e : map.entries) {
      if (e.key->kind != YamlKind::Scalar) continue;
      auto [it, inserted] = seen.emplace(e.key->value, e.key);
      if (!inserted) report(e.key, it->second);
    }
  }

  YamlDocument& doc_;
  int line_shift_;
  int first_line_column_shift_;  // yaml-cpp does not count a byte-order mark
  YamlLimits limits_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, const YamlNode*> anchors_;
};

namespace {

// yaml-cpp accepts a quoted scalar that is still open at the end of the input (it ends the
// scalar there), so `title: "abc` on the last line parses. Finds the opening quote of such a
// scalar, if any: a non-plain scalar starting with a quote and never closed in [begin, end).
std::optional<Position> unterminated_quote(const SourceFile& source, std::size_t begin,
                                           std::size_t end, const std::deque<YamlNode>& nodes) {
  std::string_view text = std::string_view(source.text()).substr(0, end);
  for (const YamlNode& n : nodes) {
    if (n.kind != YamlKind::Scalar || n.plain) continue;
    std::size_t at =
        source.line_offset(n.range.start.line) + static_cast<std::size_t>(n.range.start.column - 1);
    if (at < begin || at >= text.size() || (text[at] != '"' && text[at] != '\'')) continue;
    char quote = text[at];
    std::size_t i = at + 1;
    bool closed = false;
    while (i < text.size()) {
      if (quote == '"' && text[i] == '\\') {
        i += 2;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          i += 2;
          continue;
        }
        closed = true;
        break;
      } else {
        ++i;
      }
    }
    if (!closed) return n.range.start;
  }
  return std::nullopt;
}

}  // namespace

YamlDocument YamlDocument::parse(SourcePtr source, std::size_t offset, std::size_t length,
                                 const YamlLimits& limits) {
  YamlDocument doc;
  doc.source_ = std::move(source);
  const std::string& text = doc.source_->text();
  offset = std::min(offset, text.size());
  length = std::min(length, text.size() - offset);
  int line_shift = doc.source_->position_of(offset).line - 1;
  std::string_view slice = std::string_view(text).substr(offset, length);

  int bom = static_cast<int>(byte_order_mark_length(slice));
  // The fast path for plain block YAML emits yaml-cpp's events itself; anything else, and any
  // document that hits a limit, is read by yaml-cpp.
  {
    YamlBuilder builder(doc, line_shift, bom, limits);
    bool done = false;
    try {
      done = parse_simple_yaml(slice, builder) != SimpleYamlResult::kUnsupported;
    } catch (const StopParsing&) {
    }
    if (done) return doc;
    doc.nodes_.clear();
    doc.root_ = nullptr;
    doc.problems_.clear();
  }

  std::istringstream in{std::string(slice)};
  YamlBuilder builder(doc, line_shift, bom, limits);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      // A second document in a metadata file is almost always a stray "---".
      YamlDocument extra;
      extra.source_ = doc.source_;
      YamlBuilder extra_builder(extra, line_shift, bom, limits);
      if (parser.HandleNextDocument(extra_builder) && extra.root_) {
        doc.problems_.push_back({YamlProblem::Kind::MultipleDocuments,
                                 {extra.root_->range.start, extra.root_->range.start},
                                 "file holds more than one YAML document; only the first is read",
                                 ""});
      }
    }
    if (std::optional<Position> open =
            unterminated_quote(*doc.source_, offset, offset + length, doc.nodes_)) {
      doc.root_ = nullptr;
      std::string_view line = doc.source_->line_text(open->line);
      char quote = static_cast<std::size_t>(open->column - 1) < line.size()
                       ? line[static_cast<std::size_t>(open->column - 1)]
                       : '"';
      doc.problems_.push_back(
          {YamlProblem::Kind::Syntax,
           {*open, *open},
           std::string("YAML syntax error: ") + (quote == '"' ? "double" : "single") +
               "-quoted scalar is never closed (it runs to the end of the file)",
           ""});
    }
  } catch (const StopParsing& stop) {
    doc.root_ = nullptr;
    doc.problems_.push_back(stop.problem);
  } catch (const YAML::Exception& e) {
    doc.root_ = nullptr;
    int line = e.mark.line >= 0 ? e.mark.line : 0;
    int column = (e.mark.column >= 0 ? e.mark.column + 1 : 1) + (line == 0 ? bom : 0);
    Position p = clamp_to_source(*doc.source_, {line + 1 + line_shift, column});
    doc.problems_.push_back({YamlProblem::Kind::Syntax, {p, p}, "YAML syntax error: " + e.msg, ""});
  } catch (const std::exception& e) {
    doc.root_ = nullptr;
    Position p{line_shift + 1, 1};
    doc.problems_.push_back(
        {YamlProblem::Kind::Syntax, {p, p}, std::string("YAML error: ") + e.what(), ""});
  }
  return doc;
}

}  // namespace keplint
