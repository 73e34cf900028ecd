// links: relative links and images in a proposal's Markdown resolve to files or directories of
// the repository (read through the Repository, offline), and `#anchors` to headings. Absolute
// URLs (any scheme, or `//host`) are skipped. Inline links `[text](dest)` and images
// `![alt](src)`, link reference definitions `[id]: dest`, and HTML `<a href>` / `<img src>` are
// checked; code blocks, code spans and HTML comments are not.
//
// Paths are relative to the document's directory; `/path` is relative to the repository root
// (as GitHub renders it). An anchor must be a heading's GitHub anchor (lowercased; characters
// other than letters, marks, numbers, `_`, `-` and spaces dropped; spaces to `-`; a repeated
// anchor gets -1, -2, ...), or an HTML `id`/`name` in the target; the comparison ignores ASCII
// case. Anchors are checked in Markdown targets only (a `#L10` into code is GitHub's business).
//   anchors: false                   check only that files exist
//   ignore: "^(\.\./)+vendor/"       destinations (as written) to skip
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "checks/field_values.h"
#include "engine/markdown_loader.h"
#include "engine/run_context.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

struct Link {
  std::size_t offset;  // of the destination in the text
  std::string dest;
};

// A paragraph ends at a blank line: "\n\n" or "\n\r\n" (CRLF files).
bool blank_line_at(std::string_view text, std::size_t j) {
  return text.substr(j, 2) == "\n\n" || text.substr(j, 3) == "\n\r\n";
}

// Inline links and images: `[text](dest "title")`, `![alt](<dest>)`.
void scan_inline_links(const MarkdownDocument& md, std::vector<Link>& out) {
  std::string_view text = md.source().text();
  std::vector<std::pair<std::size_t, std::size_t>> skip;
  for (const HtmlComment& c : md.comments()) skip.emplace_back(c.begin, c.end);
  for (const CodeBlock& b : md.code_blocks()) skip.emplace_back(b.begin, b.end);
  std::sort(skip.begin(), skip.end());
  std::size_t next_skip = 0;
  auto backtick_run = [&](std::size_t i) {
    std::size_t n = 0;
    while (i + n < text.size() && text[i + n] == '`') ++n;
    return n;
  };
  // Past the code span opening at `i` (a run of n backticks closed by a run of exactly n), or
  // past the run when nothing closes it.
  auto skip_code_span = [&](std::size_t i) {
    std::size_t n = backtick_run(i);
    for (std::size_t j = i + n; j < text.size();) {
      if (text[j] != '`') {
        if (blank_line_at(text, j)) break;
        ++j;
        continue;
      }
      std::size_t m = backtick_run(j);
      if (m == n) return j + m;
      j += m;
    }
    return i + n;
  };
  for (std::size_t i = 0; i < text.size();) {
    while (next_skip < skip.size() && skip[next_skip].second <= i) ++next_skip;
    if (next_skip < skip.size() && skip[next_skip].first <= i) {
      i = skip[next_skip].second;
      continue;
    }
    char c = text[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '`') {
      i = skip_code_span(i);
      continue;
    }
    if (c != '[') {
      ++i;
      continue;
    }
    // The matching ']' within the paragraph.
    int depth = 0;
    std::size_t close = std::string_view::npos;
    for (std::size_t j = i + 1; j < text.size(); ++j) {
      if (text[j] == '\\') {
        ++j;
      } else if (text[j] == '`') {
        j = skip_code_span(j) - 1;
      } else if (text[j] == '[') {
        ++depth;
      } else if (text[j] == ']') {
        if (depth-- == 0) {
          close = j;
          break;
        }
      } else if (blank_line_at(text, j)) {
        break;
      }
    }
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != '(') {
      ++i;
      continue;
    }
    std::size_t k = close + 2;
    while (k < text.size() &&
           (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n')) {
      ++k;
    }
    std::size_t start = k;
    std::string dest;
    if (k < text.size() && text[k] == '<') {
      start = ++k;
      while (k < text.size() && text[k] != '>' && text[k] != '\n') dest.push_back(text[k++]);
    } else {
      int parens = 0;
      while (k < text.size()) {
        char d = text[k];
        if (d == '\\' && k + 1 < text.size()) {
          dest.push_back(text[k + 1]);
          k += 2;
          continue;
        }
        if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || (d == ')' && parens == 0)) break;
        if (d == '(') ++parens;
        if (d == ')') --parens;
        dest.push_back(d);
        ++k;
      }
    }
    // Then an optional title, and ')': otherwise it is no link ("[a]([b c](d))" links only d).
    auto blanks = [&] {
      while (k < text.size() &&
             (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n')) {
        ++k;
      }
    };
    if (k < text.size() && text[k] == '>') ++k;
    blanks();
    if (k < text.size() && (text[k] == '"' || text[k] == '\'' || text[k] == '(')) {
      char closer = text[k] == '(' ? ')' : text[k];
      for (++k; k < text.size() && text[k] != closer; ++k) {
        if (text[k] == '\\') ++k;
      }
      ++k;
      blanks();
    }
    if (!dest.empty() && k < text.size() && text[k] == ')') out.push_back({start, dest});
    ++i;  // link text may hold an image: [![badge](img.svg)](target)
  }
}

// `<a href="...">` and `<img src="...">` outside code and comments.
void scan_html_links(const MarkdownDocument& md, std::vector<Link>& out) {
  static const re2::RE2 tag(R"((?i)<(?:a|img)\s[^>]*?\b(?:href|src)\s*=\s*["']([^"']*)["'])");
  std::string_view text = md.source().text();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece dest;
  while (RE2::FindAndConsume(&input, tag, &dest)) {
    auto offset = static_cast<std::size_t>(dest.data() - text.data());
    if (md.in_code_block(offset)) continue;
    bool in_comment =
        std::any_of(md.comments().begin(), md.comments().end(),
                    [&](const HtmlComment& c) { return c.begin <= offset && offset < c.end; });
    if (!in_comment && !dest.empty())
      out.push_back({offset, std::string(dest.data(), dest.size())});
  }
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string ascii_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// GitHub's heading anchor (github-slugger): lowercase, drop what is not a letter, mark, number,
// connector punctuation, space or '-', then spaces to '-'.
std::string github_slug(std::string_view heading) {
  std::string s = ascii_lower(std::string(heading));
  static const re2::RE2 drop(R"([^\p{L}\p{M}\p{N}\p{Pc} \-])");
  RE2::GlobalReplace(&s, drop, "");
  std::replace(s.begin(), s.end(), ' ', '-');
  return s;
}

// Lowercased anchors a Markdown document offers: heading anchors (GitHub's, with -1, -2 for
// repeats) and HTML ids and names.
std::set<std::string> anchors_of(const MarkdownDocument& md) {
  std::set<std::string> out;
  std::map<std::string, int> seen;
  for (const MarkdownHeading& h : md.headings()) {
    std::string slug = github_slug(h.anchor_text);
    int n = seen[slug]++;
    out.insert(n == 0 ? slug : slug + "-" + std::to_string(n));
  }
  static const re2::RE2 id(R"((?i)<[a-z][a-z0-9]*\s[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["'])");
  std::string_view text = md.source().text();
  re2::StringPiece input(text.data(), text.size());
  std::string value;
  while (RE2::FindAndConsume(&input, id, &value)) out.insert(ascii_lower(value));
  return out;
}

// Joins `relative` onto directory `base` ("" is the root); nullopt when it climbs above it.
std::optional<std::string> resolve_path(const std::string& base, std::string_view relative) {
  std::vector<std::string> parts;
  std::string_view rest = relative;
  if (!rest.empty() && rest.front() == '/') {
    rest.remove_prefix(1);
  } else {
    std::string_view b = base;
    while (!b.empty()) {
      std::size_t slash = b.find('/');
      parts.emplace_back(b.substr(0, slash));
      b = slash == std::string_view::npos ? std::string_view() : b.substr(slash + 1);
    }
  }
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
      continue;
    }
    parts.emplace_back(part);
  }
  return join(parts, "/");
}

class LinksCheck : public Check {
 public:
  explicit LinksCheck(Params& p)
      : anchors_(p.boolean("anchors", true)), ignore_(p.regex("ignore", true)) {}

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* doc = ctx.document() ? ctx.document() : ctx.proposal().primary();
    if (!doc || !doc->markdown || doc->path.empty()) return;
    const MarkdownDocument& md = *doc->markdown;
    std::vector<Link> links;
    scan_inline_links(md, links);
    scan_html_links(md, links);
    for (const LinkReferenceDefinition& def : md.link_references()) {
      std::size_t at = md.source().text().find(def.target.link, def.offset);
      links.push_back({at == std::string_view::npos ? def.offset : at, def.target.link});
    }
    std::sort(links.begin(), links.end(),
              [](const Link& a, const Link& b) { return a.offset < b.offset; });
    std::size_t slash = doc->path.rfind('/');
    std::string base = slash == std::string::npos ? "" : doc->path.substr(0, slash);
    std::map<std::string, std::set<std::string>> anchor_cache;
    static const re2::RE2 scheme("^[A-Za-z][A-Za-z0-9+.-]*:");
    for (const Link& link : links) {
      const std::string& dest = link.dest;
      if (RE2::PartialMatch(dest, scheme) || dest.starts_with("//")) continue;
      if (ignore_ && RE2::PartialMatch(dest, *ignore_)) continue;
      std::string_view path_part = dest, fragment;
      if (std::size_t hash = dest.find('#'); hash != std::string::npos) {
        path_part = std::string_view(dest).substr(0, hash);
        fragment = std::string_view(dest).substr(hash + 1);
      }
      if (std::size_t q = path_part.find('?'); q != std::string_view::npos) {
        path_part = path_part.substr(0, q);
      }
      Position pos = md.source().position_of(link.offset);
      Range range{pos, md.source().position_of(link.offset + dest.size() - 1)};
      MessageVars vars{{"link", dest}, {"file", doc->path}};
      std::string target = doc->path;
      if (!path_part.empty()) {
        std::optional<std::string> resolved = resolve_path(base, percent_decode(path_part));
        if (!resolved) {
          ctx.report(location_of(*doc, range, dest), vars,
                     "link '{link}' points outside the repository");
          continue;
        }
        target = *resolved;
        vars["target"] = target.empty() ? "." : target;
        if (!target.empty() && !ctx.run().repo().is_file(target) &&
            !ctx.run().repo().is_directory(target)) {
          ctx.report(location_of(*doc, range, dest), vars,
                     "link '{link}' points at {target}, which is not in the repository");
          continue;
        }
      }
      if (!anchors_ || fragment.empty()) continue;
      if (!target.ends_with(".md") && !target.ends_with(".markdown")) continue;
      auto it = anchor_cache.find(target);
      if (it == anchor_cache.end()) {
        std::set<std::string> anchors;
        if (target == doc->path) {
          anchors = anchors_of(md);
        } else if (ReadResult r = ctx.run().repo().read(target); r.ok()) {
          anchors = anchors_of(*parse_markdown_document(r.source));
        } else {
          continue;  // unreadable (too large, binary): file-readable's business
        }
        it = anchor_cache.emplace(target, std::move(anchors)).first;
      }
      std::string anchor = ascii_lower(percent_decode(fragment));
      if (it->second.count(anchor)) continue;
      vars["anchor"] = std::string(fragment);
      vars["target"] = target;
      std::vector<std::string> candidates(it->second.begin(), it->second.end());
      std::string hint = suggest(anchor, candidates);
      vars["hint"] = hint.empty() ? "" : " (" + hint + ")";
      ctx.report(location_of(*doc, range, dest), vars,
                 "link '{link}': {target} has no heading or anchor '#{anchor}'{hint}");
    }
  }

 private:
  bool anchors_;
  std::shared_ptr<const re2::RE2> ignore_;
};

}  // namespace

std::unique_ptr<Check> make_links_check(Params& p) {
  return std::make_unique<LinksCheck>(p);
}

}  // namespace keplint
