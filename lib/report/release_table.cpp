#include "report/release_table.h"

#include <nlohmann/json.hpp>

#include "report/utf8_text.h"

namespace keplint {

namespace {

// Markdown table cells: no pipes, line breaks, controls or invalid UTF-8 from the repository.
std::string cell(std::string_view raw) {
  std::string text = replace_controls(to_valid_utf8(raw), "\xEF\xBF\xBD", true);
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string summary(const std::vector<ReleaseEntry>& entries, const std::string& release) {
  std::size_t ready = 0;
  for (const ReleaseEntry& e : entries) ready += e.ready ? 1 : 0;
  return std::to_string(entries.size()) + " proposal" + (entries.size() == 1 ? "" : "s") +
         " target " + release + ": " + std::to_string(ready) + " ready, " +
         std::to_string(entries.size() - ready) + " not ready";
}

std::string location(const ReleaseProblem& p) {
  return p.line > 0 ? p.path + ":" + std::to_string(p.line) : p.path;
}

// "KEP063 prr-question-unanswered: README.md:120: message; ..." for one table cell.
std::string reasons(const ReleaseEntry& e) {
  std::string out;
  for (const ReleaseProblem& p : e.problems) {
    out += (out.empty() ? "" : "; ") + p.rule + ": " + location(p) + ": " + p.message;
  }
  return out;
}

nlohmann::ordered_json problems_json(const ReleaseEntry& e) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ReleaseProblem& p : e.problems) {
    list.push_back({{"rule", p.rule}, {"path", p.path}, {"line", p.line}, {"message", p.message}});
  }
  return list;
}

}  // namespace

bool write_release_table(const std::vector<ReleaseEntry>& entries, const std::string& release,
                         std::string_view format, std::ostream& out) {
  if (format == "json") {
    nlohmann::ordered_json doc;
    doc["release"] = release;
    doc["proposals"] = nlohmann::ordered_json::array();
    for (const ReleaseEntry& e : entries) {
      doc["proposals"].push_back({{"proposal", e.proposal},
                                  {"key", e.key},
                                  {"title", e.title},
                                  {"owning-sig", e.owning_sig},
                                  {"stage", e.stage},
                                  {"status", e.status},
                                  {"ready", e.ready},
                                  {"reasons", e.reasons},
                                  {"problems", problems_json(e)}});
    }
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return true;
  }
  if (format == "markdown") {
    out << "## Enhancements freeze readiness for " << cell(release) << "\n\n"
        << summary(entries, release) << ".\n\n"
        << "| KEP | Title | SIG | Stage | Ready | Why not |\n|---|---|---|---|---|---|\n";
    for (const ReleaseEntry& e : entries) {
      out << "| " << cell(e.key) << " | " << cell(e.title) << " | " << cell(e.owning_sig) << " | "
          << cell(e.stage) << " | " << (e.ready ? "yes" : "no") << " | " << cell(reasons(e))
          << " |\n";
    }
    return true;
  }
  if (format != "text") return false;
  for (const ReleaseEntry& e : entries) {
    // Repository text is made terminal-safe like the text reporter's.
    out << (e.ready ? "ready      " : "NOT READY  ") << escape_for_terminal(e.proposal) << "  ["
        << escape_for_terminal(e.stage) << "] " << escape_for_terminal(e.title);
    out << "\n";
    // One line per blocking finding: what to fix, and where.
    for (const ReleaseProblem& p : e.problems) {
      out << "           " << escape_for_terminal(p.rule) << "  "
          << escape_for_terminal(location(p)) << ": " << escape_for_terminal(p.message) << "\n";
    }
  }
  out << summary(entries, release) << "\n";
  return true;
}

}  // namespace keplint
