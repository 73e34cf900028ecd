// misspelling: common misspellings in a Markdown file's prose, from a dataset of "wrong right"
// pairs (the pack ships one). Words are runs of letters looked up in a hash map (one pass over
// the text, no regex per word); a word matches in lower case, Title case or UPPER case, and the
// fix keeps that case; stems ("seperat*") match every word they start. Code blocks, `code
// spans`, URLs, link destinations, @handles and identifiers (words glued to '_', '/', digits, or a
// file extension) are not prose. Words in the repository's ignore file (`ignore-file`, misspell's
// -i list: words separated by commas or blanks, lines with '#' skipped) are not reported. `--fix`
// writes every correction of the file.
#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

#include "engine/check.h"
#include "engine/dataset.h"
#include "engine/run_context.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Misspelled form (each case variant) -> correction in the same case.
using Map = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

std::string title_case(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}
std::string upper_case(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// The word list: whole words ("teh" -> "the") and stems that start words ("seperat*" ->
// "separat*", so "seperately" -> "separately"), each in lower, Title and UPPER case.
// Nearly every word of a page is spelled right, so a lookup first asks two bitsets that cost no
// string hashing: one over (length, first two and last two bytes) of the listed words, one over
// the first four bytes of the stems. Only words that pass both filters' bits reach the maps.
class Signatures {
 public:
  void add(std::string_view w) { bits_[index(w)] = true; }
  bool maybe(std::string_view w) const { return bits_[index(w)]; }

 private:
  static constexpr std::size_t kBits = 1u << 20;
  static std::size_t index(std::string_view w) {
    std::size_t n = w.size();
    auto b = [&](std::size_t i) {
      return static_cast<std::size_t>(static_cast<unsigned char>(w[i]));
    };
    std::size_t h = n * 0x9E3779B1u ^ (b(0) << 24 | b(1) << 16 | b(n - 2) << 8 | b(n - 1));
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    return h & (kBits - 1);
  }
  std::vector<bool> bits_ = std::vector<bool>(kBits);
};

struct Dictionary {
  Map words;
  Map stems;
  Signatures word_signatures;  // of `words` (length >= 2)
  Signatures stem_heads;       // of the first kHead bytes of `stems`
  std::size_t longest = 0;
  std::vector<std::string> malformed;  // entries that are not "wrong right" or "stem* right*"

  // The correction of `word` (at least 2 bytes) and how many of its bytes it replaces, or null.
  const std::string* find(std::string_view word, std::size_t& replaced) const {
    if (word_signatures.maybe(word)) {
      if (auto it = words.find(word); it != words.end()) {
        replaced = word.size();
        return &it->second;
      }
    }
    if (word.size() < kHead || !stem_heads.maybe(word.substr(0, kHead))) return nullptr;
    for (std::size_t n = std::min(word.size(), longest); n >= kHead; --n) {
      if (auto it = stems.find(word.substr(0, n)); it != stems.end()) {
        replaced = n;
        return &it->second;
      }
    }
    return nullptr;
  }
  static constexpr std::size_t kHead = 4;
};

Dictionary build_dictionary(const Dataset& data) {
  Dictionary out;
  out.words.reserve(data.values.size() * 3);
  for (const std::string& v : data.values) {
    std::size_t space = v.find(' ');
    if (space == 0 || space == std::string::npos || space + 1 >= v.size()) {
      out.malformed.push_back(v);
      continue;
    }
    std::string wrong = v.substr(0, space), right = v.substr(space + 1);
    bool stem = wrong.back() == '*';
    if (stem != (right.back() == '*') || (stem && wrong.size() <= Dictionary::kHead)) {
      out.malformed.push_back(v);
      continue;
    }
    if (stem) {
      wrong.pop_back();
      right.pop_back();
    }
    Map& map = stem ? out.stems : out.words;
    for (auto form : {+[](std::string x) { return x; }, title_case, upper_case}) {
      std::string w = form(wrong);
      map.emplace(w, form(right));
      if (!stem && w.size() >= 2) out.word_signatures.add(w);
      if (stem) {
        out.stem_heads.add(std::string_view(w).substr(0, Dictionary::kHead));
        out.longest = std::max(out.longest, w.size());
      }
    }
  }
  return out;
}

// The end of the code span opened by the backtick run at `at` (of length `run`), or npos. A span
// does not cross a blank line (it would end the paragraph).
std::size_t code_span_end(std::string_view text, std::size_t at, std::size_t run,
                          std::size_t limit) {
  std::size_t i = at + run;
  while (i < limit) {
    char c = text[i];
    if (c == '\n' && i + 1 < limit && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
      return std::string_view::npos;
    }
    if (c != '`') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < limit && text[j] == '`') ++j;
    if (j - i == run) return j;
    i = j;
  }
  return std::string_view::npos;
}

// Whether the word [b, e) is part of a URL, a link destination, a handle or an identifier.
bool not_prose(std::string_view text, std::size_t b, std::size_t e) {
  auto glued = [](char c) {
    return c == '_' || c == '/' || c == '\\' || c == '=' || (c >= '0' && c <= '9');
  };
  if (b > 0 && (glued(text[b - 1]) || text[b - 1] == '@')) return true;
  if (e < text.size() && glued(text[e])) return true;
  // "config.yaml", "k8s.io": a dot between letters joins parts of a name.
  if (b > 1 && text[b - 1] == '.' && is_letter(static_cast<unsigned char>(text[b - 2])))
    return true;
  if (e + 1 < text.size() && text[e] == '.' && is_letter(static_cast<unsigned char>(text[e + 1]))) {
    return true;
  }
  // The whitespace-delimited chunk around the word: a URL, or a link's destination.
  std::size_t cb = b, ce = e;
  while (cb > 0 && !is_space(text[cb - 1])) --cb;
  while (ce < text.size() && !is_space(text[ce])) ++ce;
  std::string_view before = text.substr(cb, b - cb);
  std::string_view chunk = text.substr(cb, ce - cb);
  return chunk.find("://") != std::string_view::npos || chunk.find("www.") == 0 ||
         before.find("](") != std::string_view::npos || before.find("<") != std::string_view::npos;
}

Location whole_file(const LoadedDocument& file) {
  Location where = location_of(file, Range{}, "spelling");
  where.about_file = true;
  return where;
}

class MisspellingCheck : public Check {
 public:
  explicit MisspellingCheck(Params& p)
      : dataset_(p.string("dataset")), ignore_file_(p.string_or("ignore-file", "")) {}

  void check_file(FileContext& ctx) const override {
    const LoadedDocument& file = ctx.document();
    if (!file.markdown || !file.source) return;
    const Dataset* data = ctx.dataset(dataset_);
    if (!data || !data->available || data->values.empty()) {
      // Fail closed: a spelling rule without its word list checks nothing.
      ctx.report_unchecked(whole_file(file), {{"dataset", dataset_}},
                           "cannot check spelling: dataset {dataset} is unavailable");
      return;
    }
    std::shared_ptr<const Cached> cached = dictionary(*data);
    const Dictionary& dict = cached->dict;
    if (!dict.malformed.empty()) {
      ctx.report_unchecked(whole_file(file),
                           {{"dataset", dataset_}, {"entry", dict.malformed.front()}},
                           "cannot check spelling: dataset {dataset} has an entry that is not "
                           "'wrong right': '{entry}'");
      return;
    }
    std::vector<std::string> ignored = ignore_words(ctx);
    const MarkdownDocument& doc = *file.markdown;
    const SourceFile& source = doc.source();
    std::string_view text = source.text();

    struct Hit {
      std::size_t begin, end;    // the word
      std::size_t replaced_end;  // the part the correction replaces (a stem is a prefix)
      const std::string* correction;
    };
    std::vector<Hit> hits;
    std::size_t next_block = 0;
    const auto& blocks = doc.code_blocks();
    std::size_t i = 0;
    while (i < text.size()) {
      // Skip code blocks (sorted by position).
      while (next_block < blocks.size() && blocks[next_block].end <= i) ++next_block;
      if (next_block < blocks.size() && blocks[next_block].begin <= i) {
        i = blocks[next_block].end;
        continue;
      }
      std::size_t limit = next_block < blocks.size() ? blocks[next_block].begin : text.size();
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '`') {
        std::size_t run = 0;
        while (i + run < limit && text[i + run] == '`') ++run;
        std::size_t end = code_span_end(text, i, run, limit);
        i = end == std::string_view::npos ? i + run : end;
        continue;
      }
      if (!is_letter(c)) {
        ++i;
        continue;
      }
      std::size_t b = i;
      while (i < limit && is_letter(static_cast<unsigned char>(text[i]))) ++i;
      std::string_view word = text.substr(b, i - b);
      if (word.size() < 3) continue;
      std::size_t replaced = 0;
      const std::string* correction = dict.find(word, replaced);
      if (!correction || not_prose(text, b, i) || is_ignored(ignored, word)) continue;
      hits.push_back({b, i, b + replaced, correction});
    }
    if (hits.empty()) return;

    std::string fixed;
    fixed.reserve(text.size());
    std::size_t at = 0;
    for (const Hit& h : hits) {
      fixed.append(text.substr(at, h.begin - at));
      fixed.append(*h.correction);
      at = h.replaced_end;
    }
    fixed.append(text.substr(at));
    auto fixed_text = std::make_shared<const std::string>(std::move(fixed));
    for (const Hit& h : hits) {
      std::string word(text.substr(h.begin, h.end - h.begin));
      std::string correction =
          *h.correction + std::string(text.substr(h.replaced_end, h.end - h.replaced_end));
      ctx.report(location_of(file, source.range_of(h.begin, h.end - h.begin), word),
                 {{"word", word}, {"correction", correction}},
                 "'{word}' is a misspelling of '{correction}'", "", fixed_text);
    }
  }

 private:
  struct Cached {
    const Dataset* data = nullptr;
    std::size_t size = 0;
    std::string source;
    Dictionary dict;
  };

  // Built once per dataset (per run), shared by the threads that lint files.
  std::shared_ptr<const Cached> dictionary(const Dataset& data) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!cache_ || cache_->data != &data || cache_->size != data.values.size() ||
        cache_->source != data.source) {
      auto c = std::make_shared<Cached>();
      c->data = &data;
      c->size = data.values.size();
      c->source = data.source;
      c->dict = build_dictionary(data);
      cache_ = c;
    }
    return cache_;
  }

  std::vector<std::string> ignore_words(const FileContext& ctx) const {
    std::vector<std::string> out;
    if (ignore_file_.empty()) return out;
    ReadResult r = ctx.run().repo().read(ignore_file_);
    if (!r.ok()) return out;  // no ignore file: nothing is ignored, as with misspell without -i
    std::string_view text = r.source->text();
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      if (line.find('#') != std::string_view::npos) continue;  // as upstream's `grep -v '#'`
      std::size_t i = 0;
      while (i < line.size()) {
        while (i < line.size() && (is_space(line[i]) || line[i] == ',')) ++i;
        std::size_t b = i;
        while (i < line.size() && !is_space(line[i]) && line[i] != ',') ++i;
        if (i > b) out.emplace_back(line.substr(b, i - b));
      }
    }
    return out;
  }

  static bool is_ignored(const std::vector<std::string>& ignored, std::string_view word) {
    for (const std::string& w : ignored) {
      if (w.size() != word.size()) continue;
      bool same = true;
      for (std::size_t k = 0; k < w.size() && same; ++k) {
        same = std::tolower(static_cast<unsigned char>(w[k])) ==
               std::tolower(static_cast<unsigned char>(word[k]));
      }
      if (same) return true;
    }
    return false;
  }

  std::string dataset_;
  std::string ignore_file_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Cached> cache_;
};

}  // namespace

std::unique_ptr<Check> make_misspelling_check(Params& p) {
  return std::make_unique<MisspellingCheck>(p);
}

}  // namespace keplint
