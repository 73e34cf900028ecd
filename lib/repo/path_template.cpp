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

// fits[i][pos]: pieces[i..] match path[pos..] exactly. Filled from the end, so each (piece,
// position) is decided once: O(pieces x path) instead of trying every split of every variable
// ("{a}{b}{c}{d}x" against a long segment was exponential).
std::vector<std::vector<char>> fitting_suffixes(const std::vector<TemplatePiece>& pieces,
                                                std::string_view path) {
  const std::size_t len = path.size();
  std::vector<std::vector<char>> fits(pieces.size() + 1, std::vector<char>(len + 1, 0));
  fits[pieces.size()][len] = 1;
  // A variable is a non-empty run without '/': it fits at pos when some end in
  // (pos, end of the segment] fits the rest; `first_fit` is the smallest such end at or after
  // a position.
  std::vector<std::size_t> first_fit(len + 2);
  for (std::size_t i = pieces.size(); i-- > 0;) {
    const TemplatePiece& piece = pieces[i];
    if (!piece.is_var) {
      for (std::size_t pos = 0; pos + piece.text.size() <= len; ++pos) {
        fits[i][pos] = fits[i + 1][pos + piece.text.size()] &&
                       path.compare(pos, piece.text.size(), piece.text) == 0;
      }
      continue;
    }
    first_fit[len + 1] = std::string_view::npos;
    for (std::size_t pos = len + 1; pos-- > 0;) {
      first_fit[pos] = fits[i + 1][pos] ? pos : first_fit[pos + 1];
    }
    std::size_t segment_end = len;  // the first '/' at or after pos
    for (std::size_t pos = len; pos-- > 0;) {
      if (path[pos] == '/') segment_end = pos;
      fits[i][pos] = first_fit[pos + 1] <= segment_end;
    }
  }
  return fits;
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
  const std::vector<std::vector<char>> fits = fitting_suffixes(pieces, path);
  if (!fits[0][0]) return std::nullopt;
  // Each variable takes the shortest value after which the rest still fits (as the old
  // shortest-first search did); a name used twice keeps its first value.
  std::map<std::string, std::string> vars;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (!pieces[i].is_var) {
      pos += pieces[i].text.size();
      continue;
    }
    std::size_t end = pos + 1;
    while (!fits[i + 1][end]) ++end;
    vars.emplace(std::string(pieces[i].text), std::string(path.substr(pos, end - pos)));
    pos = end;
  }
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
