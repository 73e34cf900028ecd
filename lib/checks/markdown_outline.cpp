#include "checks/markdown_outline.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace keplint {

std::string normalize_heading(std::string_view text) {
  std::string out = collapse_whitespace(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  // Markdown emphasis and code markers do not change what a heading says.
  std::erase_if(out, [](char c) { return c == '*' || c == '`' || c == '_'; });
  constexpr std::string_view optional = "(optional)";
  if (out.size() >= optional.size() && out.ends_with(optional))
    out.resize(out.size() - optional.size());
  while (!out.empty() &&
         (std::ispunct(static_cast<unsigned char>(out.back())) || out.back() == ' ') &&
         out.back() != ')') {
    out.pop_back();
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

std::set<std::string> words(std::string_view text) {
  std::set<std::string> out;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(c);
    } else if (!word.empty()) {
      out.insert(word);
      word.clear();
    }
  }
  if (!word.empty()) out.insert(word);
  return out;
}

}  // namespace

double word_similarity(std::string_view a, std::string_view b) {
  std::set<std::string> wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return 0;
  std::size_t shared = 0;
  for (const std::string& w : wa) shared += wb.count(w);
  return static_cast<double>(shared) / static_cast<double>(wa.size() + wb.size() - shared);
}

const MarkdownHeading* find_heading(const MarkdownDocument& doc, std::string_view normalized) {
  for (const MarkdownHeading& h : doc.headings()) {
    if (normalize_heading(h.text) == normalized) return &h;
  }
  return nullptr;
}

Section section_of(const MarkdownDocument& doc, const MarkdownHeading& heading) {
  std::size_t size = doc.source().text().size();
  return {&heading, std::min(heading.end, size), std::min(heading.section_end, size)};
}

namespace {

// Sorts questions by line; each answer runs to the next question or the end of the section.
std::vector<Question> finish_questions(const SourceFile& src, const Section& section,
                                       std::vector<Question> out) {
  std::sort(out.begin(), out.end(),
            [](const Question& a, const Question& b) { return a.line < b.line; });
  for (std::size_t k = 0; k < out.size(); ++k) {
    std::size_t next = k + 1 < out.size() ? src.line_offset(out[k + 1].line) : section.end;
    out[k].answer_end = std::max(out[k].answer_begin, next);
  }
  return out;
}

}  // namespace

std::vector<Question> questions_in(const MarkdownDocument& doc, const Section& section) {
  std::vector<Question> out;
  const SourceFile& src = doc.source();
  const std::string& text = src.text();
  // Heading questions.
  for (const MarkdownHeading& h : doc.headings()) {
    if (h.begin < section.begin || h.begin >= section.end) continue;
    if (h.level <= section.heading->level) continue;
    out.push_back({h.text, normalize_heading(h.text), h.line, std::min(h.end, text.size()), 0});
  }
  // Bold-bullet questions: "* **How can ...?**", possibly wrapped over a few lines. Only in a
  // section without heading questions (there, bold bullets are parts of answers: "- **Failure
  // mode**: ..."), and only bold text that ends with '?'.
  if (!out.empty()) return finish_questions(src, section, std::move(out));
  int first_line = src.position_of(section.begin).line;
  int last_line = src.position_of(section.end > 0 ? section.end - 1 : 0).line;
  for (int line = first_line; line <= last_line && line <= src.line_count(); ++line) {
    std::string_view l = src.line_text(line);
    std::size_t i = l.find_first_not_of(' ');
    if (i == std::string_view::npos || i > 3 || i + 4 >= l.size()) continue;
    if ((l[i] != '*' && l[i] != '-') || l[i + 1] != ' ') continue;
    std::size_t bold = l.find_first_not_of(' ', i + 1);
    if (bold == std::string_view::npos || l.substr(bold, 2) != "**") continue;
    std::size_t offset = src.line_offset(line) + bold + 2;
    if (doc.in_code_block(offset)) continue;
    std::size_t close = text.find("**", offset);
    if (close == std::string::npos || close >= section.end) continue;
    if (src.position_of(close).line - line > 3) continue;  // not a wrapped question
    std::string q = collapse_whitespace(std::string_view(text).substr(offset, close - offset));
    if (q.empty() || q.back() != '?') continue;
    out.push_back({q, normalize_heading(q), line, close + 2, 0});
  }
  return finish_questions(src, section, std::move(out));
}

std::string answer_text(const MarkdownDocument& doc, const Question& q) {
  std::string_view raw =
      std::string_view(doc.source().text()).substr(q.answer_begin, q.answer_end - q.answer_begin);
  return collapse_whitespace(strip_html_comments(raw));
}

const Question* match_question(const std::vector<Question>& candidates, std::string_view wanted) {
  for (const Question& q : candidates) {
    if (q.normalized == wanted) return &q;
  }
  const Question* best = nullptr;
  double best_score = 0.6;
  for (const Question& q : candidates) {
    double score = word_similarity(q.normalized, wanted);
    if (score >= best_score) {
      best_score = score;
      best = &q;
    }
  }
  return best;
}

}  // namespace keplint
