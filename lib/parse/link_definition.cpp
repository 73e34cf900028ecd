#include "parse/link_definition.h"

namespace keplint {
namespace {

bool is_space(char c) {  // RE2's \s
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// `(?:[ \t]+(?:"t"|'t'|\(t\)))?[ \t]*$` from `i`; the title when there is one.
bool title_and_end(std::string_view s, std::size_t i, std::string& title) {
  std::size_t t = i;
  while (t < s.size() && is_blank(s[t])) ++t;
  if (t > i && t < s.size() && (s[t] == '"' || s[t] == '\'' || s[t] == '(')) {
    char close = s[t] == '(' ? ')' : s[t];
    std::size_t end = s.find(close, t + 1);
    if (end != std::string_view::npos) {
      std::size_t after = end + 1;
      while (after < s.size() && is_blank(s[after])) ++after;
      if (after == s.size()) {
        title = std::string(s.substr(t + 1, end - t - 1));
        return true;
      }
    }
  }
  // No title (the optional group backtracks away).
  while (i < s.size() && is_blank(s[i])) ++i;
  title.clear();
  return i == s.size();
}

// `([^\s>]+)>?` and the rest from `i`. The link cannot stop early: what follows a shorter
// link could match nothing.
bool link_and_rest(std::string_view s, std::size_t i, LinkDefinitionLine& out) {
  std::size_t end = i;
  while (end < s.size() && !is_space(s[end]) && s[end] != '>') ++end;
  if (end == i) return false;
  out.link = std::string(s.substr(i, end - i));
  if (end < s.size() && s[end] == '>') ++end;
  return title_and_end(s, end, out.title);
}

}  // namespace

std::optional<LinkDefinitionLine> parse_link_definition_line(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && i < 3 && s[i] == ' ') ++i;
  if (i >= s.size() || s[i] != '[') return std::nullopt;
  std::size_t close = s.find(']', i + 1);
  if (close == std::string_view::npos || close == i + 1) return std::nullopt;
  if (close + 1 >= s.size() || s[close + 1] != ':') return std::nullopt;
  LinkDefinitionLine out;
  out.id = std::string(s.substr(i + 1, close - i - 1));
  i = close + 2;
  while (i < s.size() && is_blank(s[i])) ++i;
  // `<?` prefers taking the '<'; without it, the '<' is part of the link.
  if (i < s.size() && s[i] == '<' && link_and_rest(s, i + 1, out)) return out;
  if (link_and_rest(s, i, out)) return out;
  return std::nullopt;
}

}  // namespace keplint
