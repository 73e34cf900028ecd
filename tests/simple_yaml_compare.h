// Compares the YAML fast path (parse/simple_yaml.h) with yaml-cpp, its parser of record, by the
// events each emits. Shared by simple_yaml_differential_test.cpp and the YAML fuzz target.
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>
#include <vector>

#include "parse/simple_yaml.h"

namespace keplint::testing {

class Recorder : public YAML::EventHandler {
 public:
  std::vector<std::string> events;

  void OnDocumentStart(const YAML::Mark& m) override { add("doc", m); }
  void OnDocumentEnd() override { events.push_back("enddoc"); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    add("null", m, "&" + std::to_string(a));
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    add("alias", m, "*" + std::to_string(a));
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                const std::string& value) override {
    add("scalar", m, tag + " &" + std::to_string(a) + " [" + value + "]");
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value style) override {
    add("seq", m, tag + " &" + std::to_string(a) + " " + std::to_string(style));
  }
  void OnSequenceEnd() override { events.push_back("endseq"); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value style) override {
    add("map", m, tag + " &" + std::to_string(a) + " " + std::to_string(style));
  }
  void OnMapEnd() override { events.push_back("endmap"); }

 private:
  void add(const char* what, const YAML::Mark& m, const std::string& rest = "") {
    events.push_back(std::string(what) + " " + std::to_string(m.line + 1) + ":" +
                     std::to_string(m.column + 1) + " " + rest);
  }
};

inline std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& e : v) s += e + "\n";
  return s;
}

struct SimpleYamlComparison {
  bool taken = false;        // the fast path handled the input
  std::string disagreement;  // empty when it emitted exactly yaml-cpp's events
};

// Runs the fast path on `text` and, when it takes the input, yaml-cpp's first document too.
inline SimpleYamlComparison compare_simple_yaml(const std::string& text) {
  Recorder fast;
  SimpleYamlResult result = parse_simple_yaml(text, fast);
  if (result == SimpleYamlResult::kUnsupported) return {};
  Recorder reference;
  std::string error;
  bool document = false;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    document = parser.HandleNextDocument(reference);
  } catch (const YAML::Exception& e) {
    error = e.what();
  }
  if (error.empty() && document == (result == SimpleYamlResult::kDocument) &&
      fast.events == reference.events) {
    return {true, {}};
  }
  return {true, "--- input ---\n" + (text.size() < 3000 ? text : text.substr(0, 3000)) +
                    "\n--- yaml-cpp " + (error.empty() ? "" : "(error: " + error + ")") + " ---\n" +
                    join(reference.events) + "--- fast path ---\n" + join(fast.events)};
}

}  // namespace keplint::testing
