#include "repo/path_template.h"

#include <algorithm>

namespace keplint {

namespace {

bool safe_segment_value(std::string_view v) {
  if (v.empty() || v == "." || v == "..") return false;
  for (char c : v) {
    if (c == '/' || c == '\\' || c == '\0' || c == '\n' || c == '\r') return false;
  }
  return true;
}

// Calls `on_text` for literal runs and `on_var` for each {name}.
template <typename OnText, typename OnVar>
void scan_template(std::string_view tmpl, OnText on_text, OnVar on_var) {
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    std::size_t open = tmpl.find('{', pos);
    std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      on_text(tmpl.substr(pos));
      return;
    }
    on_text(tmpl.substr(pos, open - pos));
    on_var(tmpl.substr(open + 1, close - open - 1), tmpl.substr(open, close - open + 1));
    pos = close + 1;
  }
}

}  // namespace

FilledPath fill_path_template(std::string_view tmpl, const VariableLookup& lookup,
                              const std::vector<std::string>& path_variables) {
  FilledPath out;
  scan_template(
      tmpl, [&](std::string_view text) { out.path.append(text); },
      [&](std::string_view name, std::string_view) {
        if (!out.ok()) return;
        std::optional<std::string> value = lookup(name);
        if (!value) {
          out.missing = std::string(name);
        } else if (std::find(path_variables.begin(), path_variables.end(), name) !=
                   path_variables.end()) {
          if (!is_safe_relative_path(*value)) {
            out.bad_variable = std::string(name);
            out.bad_value = *value;
          } else {
            out.path.append(*value);
          }
        } else if (!safe_segment_value(*value)) {
          out.bad_variable = std::string(name);
          out.bad_value = *value;
        } else {
          out.path.append(*value);
        }
      });
  if (!out.ok()) out.path.clear();
  return out;
}

std::string fill_text_template(std::string_view tmpl, const VariableLookup& lookup) {
  std::string out;
  scan_template(
      tmpl, [&](std::string_view text) { out.append(text); },
      [&](std::string_view name, std::string_view raw) {
        std::optional<std::string> value = lookup(name);
        out.append(value ? std::string_view(*value) : raw);
      });
  return out;
}

std::vector<std::string> template_variables(std::string_view tmpl) {
  std::vector<std::string> names;
  scan_template(
      tmpl, [](std::string_view) {},
      [&](std::string_view name, std::string_view) { names.emplace_back(name); });
  return names;
}

namespace {

struct TemplatePiece {
  bool is_var;
  std::string_view text;
};

// Matches pieces[i..] against path[pos..], trying every length for each variable (a variable may
// contain the literal that follows it: "{n}.yaml" matches "1.old.yaml" with n = "1.old").
bool match_pieces(const std::vector<TemplatePiece>& pieces, std::size_t i, std::string_view path,
                  std::size_t pos, std::map<std::string, std::string>& vars) {
  if (i == pieces.size()) return pos == path.size();
  const TemplatePiece& piece = pieces[i];
  if (!piece.is_var) {
    return path.substr(pos, piece.text.size()) == piece.text &&
           match_pieces(pieces, i + 1, path, pos + piece.text.size(), vars);
  }
  // A variable is a non-empty run without '/'.
  std::size_t limit = path.find('/', pos);
  if (limit == std::string_view::npos) limit = path.size();
  // Shortest first, so the value ends at the first place where the rest of the template fits.
  for (std::size_t end = pos + 1; end <= limit; ++end) {
    if (match_pieces(pieces, i + 1, path, end, vars)) {
      vars[std::string(piece.text)] = std::string(path.substr(pos, end - pos));
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::map<std::string, std::string>> match_path_template(std::string_view tmpl,
                                                                      std::string_view path) {
  std::vector<TemplatePiece> pieces;
  scan_template(
      tmpl,
      [&](std::string_view t) {
        if (!t.empty()) pieces.push_back({false, t});
      },
      [&](std::string_view name, std::string_view) {
        pieces.push_back({true, name});
      });
  std::map<std::string, std::string> vars;
  if (!match_pieces(pieces, 0, path, 0, vars)) return std::nullopt;
  return vars;
}

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    std::string_view seg =
        path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (seg.empty() || seg == "." || seg == "..") return false;
    if (seg.find('\0') != std::string_view::npos) return false;
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return true;
}

std::optional<std::string> normalize_relative_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    std::string_view seg =
        path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (seg == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      if (seg.find('\0') != std::string_view::npos) return std::nullopt;
      parts.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out.push_back('/');
    out.append(parts[i]);
  }
  return out;
}

}  // namespace keplint
