// A fast path for the YAML that KEP metadata, PRR files, rule packs and sigs.yaml are written in:
// block mappings and sequences, plain, quoted and block scalars, simple flow collections and
// comments. It emits exactly the events yaml-cpp's parser would (same order, marks, tags and
// values), so YamlDocument builds the same document from either; anything outside that subset
// (anchors, tags, tabs, "---", complex keys, a byte yaml-cpp treats specially,
// and every input yaml-cpp rejects) makes it give up, and yaml-cpp, the parser of record, reads
// the input instead. tests/simple_yaml_differential_test.cpp compares the two event streams on
// every YAML file of the corpus and on generated documents.
#pragma once

#include <string_view>

namespace YAML {
class EventHandler;
}

namespace keplint {

enum class SimpleYamlResult {
  kDocument,     // one document, its events emitted
  kEmpty,        // no document (only comments and blank lines): no events, as yaml-cpp
  kUnsupported,  // outside the subset: events emitted so far must be discarded
};

SimpleYamlResult parse_simple_yaml(std::string_view text, YAML::EventHandler& handler);

}  // namespace keplint
