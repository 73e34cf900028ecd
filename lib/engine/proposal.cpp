#include "engine/proposal.h"

#include "engine/field_path.h"
#include "engine/markdown_loader.h"
#include "parse/front_matter.h"

namespace keplint {

const LoadedDocument* Proposal::document(std::string_view role) const {
  for (const auto& d : documents) {
    if (d.spec && d.spec->role == role) return &d;
  }
  return nullptr;
}

const LoadedDocument* Proposal::primary() const {
  for (const auto& d : documents) {
    if (d.spec && d.spec->primary) return &d;
  }
  return documents.empty() ? nullptr : &documents.front();
}

const YamlNode* Proposal::metadata() const {
  const LoadedDocument* p = primary();
  return p ? p->yaml_root() : nullptr;
}

std::optional<std::string> Proposal::variable(std::string_view name) const {
  if (name == "dir" || name == "proposal" || name == "file") return path;
  if (name == "dir-name") {
    std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  }
  if (name == "key") return key;
  if (const YamlNode* v = first_scalar(metadata(), name)) return v->value;
  return std::nullopt;
}

namespace {

void read_document(const Repository& repo, LoadedDocument& doc, DocumentFormat format) {
  ReadResult r = repo.read(doc.path);
  doc.status = r.status;
  doc.read_detail = r.detail;
  if (!r.ok()) return;
  doc.source = r.source;
  switch (format) {
    case DocumentFormat::Yaml:
      doc.yaml = YamlDocument::parse(doc.source);
      break;
    case DocumentFormat::FrontMatter:
      if (auto fm = split_front_matter(doc.source->text())) {
        // Unclosed, the "metadata" would be the whole page: report it rather than parse it.
        doc.front_matter_unclosed = !fm->closed;
        if (fm->closed)
          doc.yaml = YamlDocument::parse(doc.source, fm->yaml_offset, fm->yaml_length);
      }
      [[fallthrough]];
    case DocumentFormat::Markdown:
      doc.markdown = parse_markdown_document(doc.source);
      break;
  }
}

}  // namespace

LoadedDocument load_file_document(const Repository& repo, const std::string& path) {
  LoadedDocument doc;
  doc.path = path;
  bool yaml = path.ends_with(".yaml") || path.ends_with(".yml");
  read_document(repo, doc, yaml ? DocumentFormat::Yaml : DocumentFormat::Markdown);
  return doc;
}

Proposal load_proposal(const Repository& repo, const Layout& layout, const std::string& path) {
  Proposal p;
  p.path = path;
  p.key = layout.key_of(path);
  p.documents.resize(layout.documents.size());
  // Primary first, then the others, which may template on its fields.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < layout.documents.size(); ++i) {
      const DocumentSpec& spec = layout.documents[i];
      if (spec.primary != (pass == 0)) continue;
      LoadedDocument& doc = p.documents[i];
      doc.spec = &spec;
      doc.filled = fill_path_template(spec.path_template,
                                      [&](std::string_view name) { return p.variable(name); },
                                      {"dir", "proposal", "file"});
      if (!doc.filled.ok()) continue;
      doc.path = doc.filled.path;
      read_document(repo, doc, spec.format);
    }
  }
  return p;
}

}  // namespace keplint
