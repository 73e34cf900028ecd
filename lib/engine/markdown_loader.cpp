#include "engine/markdown_loader.h"

#include "parse/markdown_document.h"

namespace keplint {

std::shared_ptr<const MarkdownDocument> parse_markdown_document(SourcePtr source) {
  return std::make_shared<const MarkdownDocument>(std::move(source));
}

}  // namespace keplint
