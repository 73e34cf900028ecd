#include "engine/field_path.h"

namespace keplint {

namespace {

struct Step {
  std::string_view key;      // empty for a bare "[]" continuation
  bool each = false;         // followed by [] or [#comment]
  std::string_view comment;  // [#comment]: only items whose trailing comment is this
};

// "key[]" and "key[#marker]" (items whose trailing comment is `marker`) end a step.
void read_suffix(std::string_view& part, Step& step) {
  if (part.size() >= 2 && part.substr(part.size() - 2) == "[]") {
    step.each = true;
    part.remove_suffix(2);
    return;
  }
  std::size_t open = part.rfind("[#");
  if (!part.empty() && part.back() == ']' && open != std::string_view::npos) {
    step.each = true;
    step.comment = part.substr(open + 2, part.size() - open - 3);
    part = part.substr(0, open);
  }
}

std::vector<Step> split_path(std::string_view path) {
  std::vector<Step> steps;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t dot = path.find('.', pos);
    std::string_view part =
        path.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    Step step;
    read_suffix(part, step);
    step.key = part;
    steps.push_back(step);
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return steps;
}

// The steps are read off the path as the walk goes (no vector per lookup: rules look fields up
// for every proposal), and the concrete path is one buffer, extended and cut back.
struct StepCursor {
  std::string_view path;
  std::size_t pos = 0;
  bool done = false;

  Step next() {
    std::size_t dot = path.find('.', pos);
    std::string_view part =
        path.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (dot == std::string_view::npos) {
      done = true;
    } else {
      pos = dot + 1;
    }
    Step step;
    read_suffix(part, step);
    step.key = part;
    return step;
  }
};

void walk(const YamlNode* node, const YamlNode* key, StepCursor steps, bool at_end,
          std::string& path, FieldLookup& out) {
  if (at_end) {
    out.matches.push_back({node, key, path});
    return;
  }
  const Step step = steps.next();
  const YamlNode* value = node;
  const YamlNode* value_key = key;
  if (!step.key.empty()) {
    const YamlEntry* entry = node ? node->find(step.key) : nullptr;
    if (!entry) {
      out.last_node = node;
      out.last_key = key;
      return;
    }
    value = entry->value;
    value_key = entry->key;
  }
  std::size_t mark = path.size();
  if (!step.key.empty()) {
    if (!path.empty()) path += '.';
    path.append(step.key);
  }
  if (!step.each) {
    walk(value, value_key, steps, steps.done, path, out);
  } else if (!value || !value->is_sequence()) {
    out.last_node = value;
    out.last_key = value_key;
  } else {
    const YamlNode& seq = value->resolved();
    std::size_t item_mark = path.size();
    for (std::size_t i = 0; i < seq.items.size(); ++i) {
      if (!step.comment.empty() && seq.items[i]->comment != step.comment) continue;
      path += '[';
      path += std::to_string(i);
      path += ']';
      walk(seq.items[i], nullptr, steps, steps.done, path, out);
      path.resize(item_mark);
    }
  }
  path.resize(mark);
}

}  // namespace

FieldLookup lookup_field(const YamlNode* root, std::string_view path) {
  FieldLookup out;
  out.last_node = root;
  if (!root) return out;
  std::string concrete;
  walk(root, nullptr, StepCursor{path}, false, concrete, out);
  return out;
}

std::string field_path_error(std::string_view path) {
  if (path.empty()) return "field path is empty";
  for (const Step& step : split_path(path)) {
    if (step.key.empty() && !step.each)
      return "field path '" + std::string(path) + "' has an empty step";
    if (step.key.find_first_of("[]") != std::string_view::npos) {
      return "field path '" + std::string(path) + "': '[]' may only end a step";
    }
    if (step.each && step.comment.data() && step.comment.empty()) {
      return "field path '" + std::string(path) + "': '[#]' needs a comment to match";
    }
  }
  return "";
}

const YamlNode* first_scalar(const YamlNode* root, std::string_view path) {
  FieldLookup found = lookup_field(root, path);
  for (const FieldMatch& m : found.matches) {
    if (m.node && m.node->is_scalar()) return &m.node->resolved();
  }
  return nullptr;
}

}  // namespace keplint
