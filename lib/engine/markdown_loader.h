// Parses a Markdown document for the proposal model (kept apart so the model does not depend on
// the Markdown parser's headers).
#pragma once

#include <memory>

#include "document/source_file.h"

namespace keplint {

class MarkdownDocument;
std::shared_ptr<const MarkdownDocument> parse_markdown_document(SourcePtr source);

}  // namespace keplint
