// Independent checks of what kep-lint prints, for unit tests, the hostile-repository test and
// the fuzz targets: strict UTF-8, XML 1.0 well-formedness, workflow-command lines. Written
// without the library's own UTF-8 and escaping code, so a bug there cannot hide itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace keplint::checks {

// Decodes one strict UTF-8 character at `i` (no overlongs, surrogates or > U+10FFFF); returns
// its length and sets `cp`, or 0 when the bytes there are not valid UTF-8.
inline std::size_t utf8_char(std::string_view s, std::size_t i, char32_t& cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Offset of the first invalid byte, or nullopt when `s` is valid UTF-8.
inline std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t n = utf8_char(s, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

inline bool is_valid_utf8(std::string_view s) {
  return !invalid_utf8_at(s).has_value();
}

// Characters a terminal or log viewer acts on: C0 controls except tab and line feed, DEL, C1
// controls, bidi embeddings/overrides/isolates. Returns the first one's offset. With
// `allow_sgr`, ESC is allowed as the start of an SGR colour sequence "ESC [ digits;... m".
inline std::optional<std::size_t> terminal_control_at(std::string_view s, bool allow_sgr = false) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t n = utf8_char(s, i, cp);
    if (n == 0) return i;
    if (cp == 0x1B && allow_sgr && i + 1 < s.size() && s[i + 1] == '[') {
      std::size_t j = i + 2;
      while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';')) ++j;
      if (j < s.size() && s[j] == 'm') {
        i = j + 1;
        continue;
      }
    }
    bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
                   (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
                   (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    if (control) return i;
    i += n;
  }
  return std::nullopt;
}

// Lines as a CI runner splits them: at LF, CR and CRLF (the GitHub runner reads with .NET's
// ReadLine, which ends a line at a lone CR too).
inline std::vector<std::string_view> runner_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    lines.push_back(s.substr(start, i - start));
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

// The `github` format's output: one line per finding, then one summary line. A finding's line
// is an annotation command (::error/::warning/::notice) or, past GitHub's annotation budget, a
// plain "  - " log line after the one overflow notice; no other workflow command and no line
// that starts one. Returns what is wrong, or nullopt.
inline std::optional<std::string> check_workflow_commands(std::string_view out,
                                                          std::size_t findings) {
  std::vector<std::string_view> lines = runner_lines(out);
  if (lines.empty()) return "no output";
  std::size_t finding_lines = 0;
  bool overflow = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::string where = "line " + std::to_string(i + 1);
    // The runner trims leading whitespace before looking for "::".
    std::size_t first = line.find_first_not_of(" \t");
    std::string_view trimmed = first == std::string_view::npos ? "" : line.substr(first);
    if (i + 1 == lines.size()) {
      if (!trimmed.starts_with("kep-lint: ")) return "last line is not the summary";
      continue;
    }
    if (overflow) {
      if (!line.starts_with("  - ") || trimmed.starts_with("::")) {
        return where + " is not a plain finding line";
      }
      ++finding_lines;
      continue;
    }
    bool ours = line.starts_with("::error ") || line.starts_with("::warning ") ||
                line.starts_with("::notice ");
    if (!ours) return where + " is not an annotation command";
    // "::name props::message": the properties end at the first "::" after the name.
    std::size_t end = line.find("::", 2);
    if (end == std::string_view::npos) return where + " has no message";
    if (line.starts_with("::notice title=kep-lint::") &&
        line.find("not annotated") != std::string_view::npos) {
      overflow = true;  // the overflow notice: the plain lines follow
      continue;
    }
    ++finding_lines;
  }
  if (finding_lines != findings) {
    return "expected " + std::to_string(findings) + " finding lines, got " +
           std::to_string(finding_lines);
  }
  return std::nullopt;
}

// XML 1.0 well-formedness, for the subset kep-lint writes and anything else a fuzzer makes of
// it: declaration, elements, attributes, text, references, comments, CDATA, processing
// instructions; no DTD. Returns what is wrong with the byte offset, or nullopt.
class XmlChecker {
 public:
  explicit XmlChecker(std::string_view s) : s_(s) {}

  std::optional<std::string> check() {
    if (auto bad = invalid_utf8_at(s_)) return at(*bad, "invalid UTF-8");
    for (std::size_t i = 0; i < s_.size();) {
      char32_t cp = 0;
      std::size_t n = utf8_char(s_, i, cp);
      bool ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
      if (!ok) return at(i, "character not allowed in XML");
      i += n;
    }
    if (s_.starts_with("<?xml")) {
      std::size_t end = s_.find("?>");
      if (end == std::string_view::npos) return at(0, "unterminated XML declaration");
      p_ = end + 2;
    }
    bool root_seen = false;
    std::vector<std::string_view> open;
    while (p_ < s_.size()) {
      if (s_[p_] != '<') {
        std::size_t lt = s_.find('<', p_);
        std::string_view text = s_.substr(p_, lt == std::string_view::npos ? s_.npos : lt - p_);
        if (open.empty()) {
          if (text.find_first_not_of(" \t\r\n") != std::string_view::npos)
            return at(p_, "text outside the root element");
        } else if (auto e = check_text(text, p_)) {
          return e;
        }
        p_ += text.size();
        continue;
      }
      if (starts("<!--")) {
        std::size_t end = s_.find("-->", p_ + 4);
        if (end == std::string_view::npos) return at(p_, "unterminated comment");
        if (s_.substr(p_ + 4, end - p_ - 4).find("--") != std::string_view::npos ||
            s_[end - 1] == '-')
          return at(p_, "'--' inside a comment");
        p_ = end + 3;
      } else if (starts("<![CDATA[")) {
        if (open.empty()) return at(p_, "CDATA outside the root element");
        std::size_t end = s_.find("]]>", p_);
        if (end == std::string_view::npos) return at(p_, "unterminated CDATA");
        p_ = end + 3;
      } else if (starts("<?")) {
        std::size_t end = s_.find("?>", p_);
        if (end == std::string_view::npos) return at(p_, "unterminated processing instruction");
        p_ = end + 2;
      } else if (starts("<!")) {
        return at(p_, "DTD or unknown markup");
      } else if (starts("</")) {
        p_ += 2;
        std::string_view name = read_name();
        if (name.empty()) return at(p_, "bad end tag name");
        skip_space();
        if (!starts(">")) return at(p_, "'>' expected");
        ++p_;
        if (open.empty() || open.back() != name) return at(p_, "mismatched end tag");
        open.pop_back();
      } else {
        ++p_;
        if (open.empty() && root_seen) return at(p_, "second root element");
        std::string_view name = read_name();
        if (name.empty()) return at(p_, "bad element name");
        std::set<std::string_view> attributes;
        while (true) {
          bool space = skip_space();
          if (starts("/>")) {
            p_ += 2;
            root_seen = true;
            break;
          }
          if (starts(">")) {
            ++p_;
            open.push_back(name);
            root_seen = true;
            break;
          }
          if (!space) return at(p_, "space expected before an attribute");
          std::string_view attr = read_name();
          if (attr.empty()) return at(p_, "bad attribute name");
          if (!attributes.insert(attr).second) return at(p_, "duplicate attribute");
          skip_space();
          if (!starts("=")) return at(p_, "'=' expected");
          ++p_;
          skip_space();
          if (p_ >= s_.size() || (s_[p_] != '"' && s_[p_] != '\'')) return at(p_, "quote expected");
          char quote = s_[p_++];
          std::size_t end = s_.find(quote, p_);
          if (end == std::string_view::npos) return at(p_, "unterminated attribute value");
          std::string_view value = s_.substr(p_, end - p_);
          if (value.find('<') != std::string_view::npos) return at(p_, "'<' in attribute value");
          if (auto e = check_references(value, p_)) return e;
          p_ = end + 1;
        }
      }
    }
    if (!open.empty()) return at(p_, "unclosed element <" + std::string(open.back()) + ">");
    if (!root_seen) return at(0, "no root element");
    return std::nullopt;
  }

 private:
  std::string at(std::size_t offset, const std::string& what) const {
    return what + " at byte " + std::to_string(offset);
  }
  bool starts(std::string_view prefix) const { return s_.substr(p_).starts_with(prefix); }
  bool skip_space() {
    std::size_t start = p_;
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r'))
      ++p_;
    return p_ > start;
  }
  static bool name_char(char c, bool first) {
    auto u = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || u >= 0x80)
      return true;
    return !first && ((c >= '0' && c <= '9') || c == '-' || c == '.');
  }
  std::string_view read_name() {
    std::size_t start = p_;
    while (p_ < s_.size() && name_char(s_[p_], p_ == start)) ++p_;
    return s_.substr(start, p_ - start);
  }
  std::optional<std::string> check_text(std::string_view text, std::size_t offset) const {
    if (std::size_t bad = text.find("]]>"); bad != std::string_view::npos)
      return at(offset + bad, "']]>' in text");
    return check_references(text, offset);
  }
  std::optional<std::string> check_references(std::string_view text, std::size_t offset) const {
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos;
         amp = text.find('&', amp + 1)) {
      std::size_t semi = text.find(';', amp);
      if (semi == std::string_view::npos) return at(offset + amp, "unterminated reference");
      std::string_view ref = text.substr(amp + 1, semi - amp - 1);
      if (ref == "lt" || ref == "gt" || ref == "amp" || ref == "quot" || ref == "apos") continue;
      if (!ref.starts_with("#") || ref.size() < 2) return at(offset + amp, "unknown entity");
      bool hex = ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 8) return at(offset + amp, "bad character reference");
      std::uint32_t cp = 0;
      for (char d : digits) {
        int v = d >= '0' && d <= '9'          ? d - '0'
                : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                              : -1;
        if (v < 0) return at(offset + amp, "bad character reference");
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      }
      bool ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!ok) return at(offset + amp, "reference to a character XML forbids");
    }
    return std::nullopt;
  }

  std::string_view s_;
  std::size_t p_ = 0;
};

inline std::optional<std::string> check_xml(std::string_view s) {
  return XmlChecker(s).check();
}

}  // namespace keplint::checks
