// The YAML fast path (parse/simple_yaml.h) against yaml-cpp: wherever the fast path takes an
// input, it must emit exactly yaml-cpp's events (kind, mark, tag, value, in order) and yaml-cpp
// must accept the input. Inputs: every YAML file of the corpus and of this repository, the
// front matter of the openshift enhancements, generated documents in and around the subset,
// mutations of all of these, and hand-picked odd inputs. The fast path must also take the files
// it exists for (the built-in packs, sigs.yaml and nearly all kep.yaml and PRR files).
#include <gtest/gtest.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "corpus_dir.h"
#include "line_mutation.h"
#include "parse/simple_yaml.h"
#include "parse/yaml_document.h"
#include "simple_yaml_compare.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::files_with_extension;
using testing::read_file;

struct Outcome {
  bool taken = false;  // the fast path handled the input
  bool agreed = true;
};

// Compares the fast path with yaml-cpp's first document on `text`.
Outcome check(const std::string& text, const std::string& what) {
  testing::SimpleYamlComparison c = testing::compare_simple_yaml(text);
  if (!c.disagreement.empty()) {
    ADD_FAILURE() << what << ": the fast path took an input yaml-cpp reads differently\n"
                  << c.disagreement;
  }
  return {c.taken, c.disagreement.empty()};
}

const std::vector<std::string>& fragments() {
  static const std::vector<std::string> kFragments = {
      "- ",   "-",    "  ",  " ",    ": ",  ":",  "#",     " # c", "'",        "\"",  "''",
      "\\",   "\\\"", "|",   ">",    "|-",  ">+", "|2",    "[",    "]",        "{",   "}",
      ", ",   ",",    "&a ", "*a",   "!t ", "? ", "%",     "---",  "...",      "@",   "`",
      "null", "~",    "\n",  "\n\n", "\t",  "x",  "key: ", "k: v", "\xC3\xA9", "\r\n"};
  return kFragments;
}

std::string mutate(std::string_view text, std::mt19937& rng) {
  using testing::LineEdit;
  static const std::vector<LineEdit> kEdits = {LineEdit::kDelete,         LineEdit::kDuplicate,
                                               LineEdit::kPrefixFragment, LineEdit::kInsertFragment,
                                               LineEdit::kReindent,       LineEdit::kDeleteByte};
  return testing::mutate_lines(text, fragments(), kEdits, 4, rng);
}

// ---- A generator of documents in and around the subset. ----

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::string document() {
    out_.clear();
    noisy_ = pick(3) == 0;
    int kind = pick(10);
    if (kind < 6) {
      mapping(pick(3) == 0 ? pick(3) : 0, 0);
    } else if (kind < 9) {
      sequence(0, 0);
    } else {
      out_ += scalar_text(0) + "\n";
    }
    if (pick(4) == 0 && !out_.empty()) out_.pop_back();
    return out_;
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }
  // An entry of `list`: in a clean document one of the first `clean` entries.
  const std::string& from(const std::vector<std::string>& list, std::size_t clean) {
    std::size_t n = noisy_ ? list.size() : std::min(clean, list.size());
    return list[static_cast<std::size_t>(pick(static_cast<int>(n)))];
  }
  bool odd(int one_in) { return noisy_ && pick(one_in) == 0; }
  std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(n, 0)), ' '); }

  void filler(int indent) {
    int n = pick(8);
    if (n == 0) out_ += "\n";
    if (n == 1) out_ += spaces(pick(2) ? indent : pick(6)) + "# comment: x\n";
    if (n == 2) out_ += spaces(pick(5)) + "\n";
  }

  std::string key() {
    static const std::vector<std::string> kKeys = {"title",
                                                   "kep-number",
                                                   "owning-sig",
                                                   "a",
                                                   "b b",
                                                   "null",
                                                   "~",
                                                   "x.y/z",
                                                   "k_1",
                                                   "-k",
                                                   "?k",
                                                   ":k",
                                                   "k:v",
                                                   "\"quoted\"",
                                                   "'sq'",
                                                   "'it''s'",
                                                   "\"a\\\"b\"",
                                                   "key#1",
                                                   "\xC3\xA9t\xC3\xA9",
                                                   "1",
                                                   "true"};
    return kKeys[static_cast<std::size_t>(pick(static_cast<int>(kKeys.size())))];
  }

  std::string plain_word() {
    static const std::vector<std::string> kWords = {"value",
                                                    "2023-05-02",
                                                    "v1.30",
                                                    "sig-node",
                                                    "@alice",
                                                    "x: y",
                                                    "a#b",
                                                    "a #c",
                                                    "-1",
                                                    ":x",
                                                    "?x",
                                                    "[x]",
                                                    "{y}",
                                                    "null",
                                                    "~",
                                                    "Null",
                                                    "nUll",
                                                    "x  y",
                                                    "a, b",
                                                    "*",
                                                    "&",
                                                    "!",
                                                    "%x",
                                                    "`x`",
                                                    "'x",
                                                    "x'",
                                                    "x\"",
                                                    "|x",
                                                    ">x",
                                                    "@x",
                                                    "-",
                                                    "--",
                                                    "x ",
                                                    "https://k8s.io/a?b=c#d",
                                                    "\xE2\x80\x94",
                                                    "alpha: beta: c"};
    return kWords[static_cast<std::size_t>(pick(static_cast<int>(kWords.size())))];
  }

  std::string quoted() {
    static const std::vector<std::string> kQuoted = {
        "\"x\"",           "\"\"",         "\"a b\"",    "\"a\\\"b\"", "\"a\\\\b\"", "\"a\\tb\"",
        "\"a\\x41\"",      "\"a\\q\"",     "\"a'b\"",    "'x'",        "''",         "'a''b'",
        "'a\"b'",          "\"a # b\"",    "\"a: b\"",   "'a: b'",     "\"unclosed", "'unclosed",
        "\"a\\/b\\_\\N\"", "\"a\\\n  b\"", "\"a\n  b\"", "'a\n\n  b'", "\"9:00\""};
    return from(kQuoted, 16);
  }

  std::string flow(int depth) {
    std::string s = pick(2) ? "[" : "{";
    bool map = s == "{";
    int n = pick(4);
    for (int i = 0; i < n; ++i) {
      if (i > 0) s += pick(6) ? ", " : ",";
      if (map)
        s += (pick(3) ? std::string("k") + std::to_string(i) : quoted()) + (pick(8) ? ": " : ":");
      int v = pick(depth < 2 ? 6 : 4);
      s += v < 2 ? plain_word() : v < 4 ? quoted() : flow(depth + 1);
    }
    if (odd(10)) s += ",";
    s += odd(15) ? "" : (map ? "}" : "]");
    return pick(5) ? s : " " + s;
  }

  std::string scalar_text(int indent) {
    int kind = pick(10);
    if (kind < 5) {
      std::string s = plain_word();
      if (pick(5) == 0) {
        s += "\n" + spaces(indent + 1 + pick(3)) + plain_word();
        if (pick(3) == 0) s += "\n\n" + spaces(indent + 2) + "more";
      }
      return s;
    }
    if (kind < 8) return quoted();
    return flow(0);
  }

  std::string block_scalar(int indent) {
    static const std::vector<std::string> kHeads = {"|",  ">",   "|-",    ">-", "|+", ">+",
                                                    "|2", ">1-", "| # c", "|x", "|0"};
    std::string s = kHeads[static_cast<std::size_t>(pick(static_cast<int>(kHeads.size())))] + "\n";
    int base = indent + 2 + pick(2);
    int lines = pick(5);
    for (int i = 0; i < lines; ++i) {
      int k = pick(6);
      if (k == 0) {
        s += "\n";
      } else if (k == 1) {
        s += spaces(base + 2) + "more indented\n";
      } else if (k == 2) {
        s += spaces(base) + "# not a comment\n";
      } else {
        s += spaces(base) + "line " + std::to_string(i) + (pick(4) == 0 ? "  " : "") + "\n";
      }
    }
    if (pick(3) == 0) s += "\n";
    return s;
  }

  // The value after "key:" or "- " (the indicator already written), for a collection at
  // `indent`.
  void value(int indent, int depth, bool in_sequence) {
    int kind = pick(depth > 3 ? 6 : 10);
    if (kind == 0) {  // null
      out_ += pick(3) ? "\n" : (pick(2) ? " # nothing\n" : "  \n");
      return;
    }
    if (kind <= 3) {
      out_ += " " + scalar_text(indent) + (pick(6) == 0 ? " # c" : "") + "\n";
      return;
    }
    if (kind == 4) {
      out_ += " " + block_scalar(indent);
      return;
    }
    if (kind == 5) {
      if (in_sequence && pick(2)) {  // compact mapping
        out_ += " ";
        mapping(indent + 2, depth + 1, true);
      } else {
        out_ += " " + (noisy_ ? key() + ": " : std::string()) + plain_word() + "\n";
      }
      return;
    }
    out_ += pick(6) == 0 ? " # c\n" : "\n";
    filler(indent);
    int step = pick(6) == 0 ? 1 : pick(6) == 0 ? 4 : 2;
    if (kind < 8) {
      mapping(indent + step, depth + 1);
    } else {
      bool indentless = !in_sequence && pick(2);
      sequence(indentless ? indent : indent + step, depth + 1);
    }
  }

  void mapping(int indent, int depth, bool compact = false) {
    int n = 1 + pick(4);
    for (int i = 0; i < n; ++i) {
      if (!(compact && i == 0)) {
        filler(indent);
        out_ += spaces(indent + (odd(30) ? 1 : 0));
      }
      out_ += key() + (pick(20) == 0 ? " :" : ":");
      value(indent, depth, false);
    }
  }

  void sequence(int indent, int depth) {
    int n = 1 + pick(4);
    for (int i = 0; i < n; ++i) {
      filler(indent);
      out_ += spaces(indent + (odd(30) ? 1 : 0)) + (odd(25) ? "-x" : "-");
      value(indent, depth, true);
    }
  }

  std::mt19937 rng_;
  std::string out_;
  bool noisy_ = false;
};

TEST(SimpleYamlDifferentialTest, OddInputs) {
  const std::vector<std::string> inputs = {
      "",
      "\n",
      "# only a comment\n",
      "a: b\n",
      "a: b",
      "a:",
      "a:\n",
      "a:   # c\n",
      "null: x\n~: y\n",
      "a: null\nb: ~\nc: Null\nd: NULL\ne: nUll\n",
      "x\n",
      "  a: 1\n  b: 2\n",
      "a:\n- x\n-\nb: 1\n",
      "a:\n  - x\n  -\n",
      "- a: 1\n  b:\n- c\n",
      "- a: x\n  y\n",
      "a: multi\n  line\n   more\n\n  para\n",
      "a: |\n  line1\n  line2\nb: >-\n  f1\n  f2\n\n  f3\n",
      "a: |+\n  a\n\n\nb: 1\n",
      "a: >\n  a\n  b\n\n    c\n  d\n",
      "a: |\n",
      "a: |",
      "- |\n  a\n- >\n\n  b\n",
      "a: [x, y]\nb: []\nc: {}\nd: {k: v, l: [1, 2]}\n",
      "a: [a b, c]\n",
      "a: [x,]\n",
      "a: [x: y]\n",
      "a: {x}\n",
      "a: [x\n  y]\n",
      "a: 'it''s'\nb: \"x\\ty\\\"\"\n",
      "a: \"x\n  y\"\n",
      "a: \"unclosed\n",
      "a: \"unclosed",
      "a: 'unclosed\n",
      "\"a\": 1\n'b': 2\n",
      "a: b: c\n",
      "a: - b\n",
      "a: b\n  c: d\n",
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "? a\n: b\n",
      "---\na: 1\n",
      "a: 1\n---\nb: 2\n",
      "a: 1\n...\n",
      "%YAML 1.2\n---\na: 1\n",
      "a:\tb\n",
      "a: b\r\nc: d\r\n",
      "\xEF\xBB\xBF"
      "a: 1\n",
      "a: \xC3\xA9\n",
      "a: \xC3\n",
      "a: @x\n",
      "a: `x`\n",
      "a: b # c\n# d\n",
      "a: b#c\n",
      "a: b :c\n",
      "a:b\n",
      "- - x\n",
      "a:\n  b:\n    c:\n      d: 1\n",
      "a: 1\na: 2\n",
      "a: 1\n  # indented comment\nb: 2\n",
      "a: x\n# c\n  y\n",
      "title: \"Sidecar ordering\nkep-number: 1002\n",
      std::string(1100, 'k') + ": v\n",
      std::string(1020, 'k') + ": v\n",
      "{" + std::string(1100, 'k') + ": v}\n",
      "a: " + std::string(5000, 'v') + "\n",
      "a: x\n  # c\n  y\n",
      "a: |2\n   x\n  y\n",
      "|\n x\n",
      ">\n\n  a\n   b\n\n  c\n",
      "'sq':20\n",
      "-\n    -\n  ",
      "- a:\n    -\n    ",
      "a:\n  b:\n    c:\n   ",
      "a:\n- x\n-\n",
      "a:\n- x\n-",
      "{\"a\n  b\": 1}\n",
      // Block entries and values inside flow collections (fuzz find): yaml-cpp scans "-" or
      // ":" before a line break as tokens, not as the start of a plain scalar.
      "[\n-\n-]\n",
      "[\n-\n]\n",
      "[a,\n- b]\n",
      "[-]\n",
      "[-x, -]\n",
      "{a:\n}\n",
      "[a:\n b]\n",
      "[:,]\n",
      "[x, :]\n",
      "{:}\n",
  };
  for (std::size_t i = 0; i < inputs.size(); ++i)
    check(inputs[i], "odd input " + std::to_string(i));
}

TEST(SimpleYamlDifferentialTest, GeneratedDocuments) {
  Generator gen(2024);
  std::mt19937 rng(9);
  int failures = 0, taken = 0;
  const int kDocuments = 20000;
  for (int n = 0; n < kDocuments && failures < 5; ++n) {
    std::string doc = gen.document();
    Outcome o = check(doc, "generated document " + std::to_string(n));
    taken += o.taken;
    failures += !o.agreed;
    if (n % 4 == 0)
      failures += !check(mutate(doc, rng), "mutated document " + std::to_string(n)).agreed;
  }
  // The generator stays mostly inside the subset, so most documents exercise the fast path.
  EXPECT_GT(taken, kDocuments / 4);
}

TEST(SimpleYamlDifferentialTest, RepositoryFiles) {
  std::mt19937 rng(4);
  fs::path root(KEP_LINT_SOURCE_DIR);
  int failures = 0;
  for (const fs::path& path : files_with_extension(root / "rules", {".yaml"})) {
    std::string text = read_file(path);
    Outcome o = check(text, path.string());
    EXPECT_TRUE(o.taken) << path << " should take the fast path";
    failures += !o.agreed;
    for (int v = 0; v < 100 && failures < 5; ++v) {
      failures += !check(mutate(text, rng), path.string() + " mutation").agreed;
    }
  }
  for (const fs::path& path : files_with_extension(root / "testdata", {".yaml", ".yml"})) {
    failures += !check(read_file(path), path.string()).agreed;
  }
}

TEST(SimpleYamlDifferentialTest, Corpus) {
  fs::path corpus = testing::corpus_dir();
  std::vector<fs::path> files =
      files_with_extension(corpus / "kubernetes-enhancements", {".yaml", ".yml"});
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << corpus;
  std::mt19937 rng(8);
  int failures = 0, metadata = 0, metadata_taken = 0;
  for (const fs::path& path : files) {
    std::string text = read_file(path);
    Outcome o = check(text, path.string());
    failures += !o.agreed;
    std::string name = path.filename().string();
    if (name == "kep.yaml" || path.parent_path().parent_path().filename() == "prod-readiness") {
      ++metadata;
      metadata_taken += o.taken;
    }
    if (rng() % 4 == 0) failures += !check(mutate(text, rng), path.string() + " mutated").agreed;
    if (failures >= 5) break;
  }
  // The metadata files are what the fast path is for: nearly all must take it.
  EXPECT_GT(metadata, 1000);
  EXPECT_GE(metadata_taken * 100, metadata * 97) << metadata_taken << " of " << metadata;

  fs::path sigs = corpus / "kubernetes-community" / "sigs.yaml";
  if (fs::exists(sigs)) {
    std::string text = read_file(sigs);
    Outcome o = check(text, sigs.string());
    EXPECT_TRUE(o.taken) << "sigs.yaml should take the fast path";
    for (int v = 0; v < 40; ++v) check(mutate(text, rng), "sigs.yaml mutation");
  }

  // openshift enhancements: the YAML front matter of each proposal.
  for (const fs::path& path : files_with_extension(corpus / "openshift-enhancements", {".md"})) {
    std::string text = read_file(path);
    if (text.rfind("---\n", 0) != 0) continue;
    std::size_t end = text.find("\n---", 3);
    if (end == std::string::npos) continue;
    if (!check(text.substr(4, end - 3), path.string() + " front matter").agreed &&
        ++failures >= 5) {
      break;
    }
  }
}

// The same documents through YamlDocument, which takes the fast path or yaml-cpp.
TEST(SimpleYamlTest, YamlDocumentIsTheSameEitherWay) {
  auto source = std::make_shared<const SourceFile>(
      "kep.yaml", "title: x\nstatus: implementable  # c\nreviewers:\n- \"@a\"\n- '@b'\n");
  YamlDocument doc = YamlDocument::parse(source);
  ASSERT_NE(doc.root(), nullptr);
  const YamlNode* reviewers = doc.root()->get("reviewers");
  ASSERT_NE(reviewers, nullptr);
  ASSERT_EQ(reviewers->items.size(), 2u);
  EXPECT_EQ(reviewers->items[1]->value, "@b");
  EXPECT_FALSE(reviewers->items[1]->plain);
  EXPECT_EQ(reviewers->items[1]->range.start, (Position{5, 3}));
  EXPECT_EQ(reviewers->items[1]->range.end, (Position{5, 6}));
  EXPECT_EQ(doc.root()->get("status")->range.end, (Position{2, 21}));
}

}  // namespace
}  // namespace keplint
