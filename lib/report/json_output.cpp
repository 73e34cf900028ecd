#include "report/json_output.h"

namespace keplint {

void write_json(const OrderedJson& document, std::ostream& out) {
  std::string text = document.dump(2, ' ', false, OrderedJson::error_handler_t::replace);
  // A CI log may show this: GitHub's runner takes the legacy `##[command]` anywhere in a line.
  // "##[" only occurs inside strings, where "#\u0023[" decodes to the same text.
  for (std::size_t at = text.find("##["); at != std::string::npos; at = text.find("##[", at)) {
    text.replace(at + 1, 1, "\\u0023");
  }
  out << text << '\n';
}

}  // namespace keplint
