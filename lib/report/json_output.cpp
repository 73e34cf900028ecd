#include "report/json_output.h"

namespace keplint {

void write_json(const OrderedJson& document, std::ostream& out) {
  out << document.dump(2, ' ', false, OrderedJson::error_handler_t::replace) << '\n';
}

}  // namespace keplint
