// The terms that name an article and its source file, and the story it starts with: the
// indexer writes them (document_builder.cpp) and the search finds an article by them, so they
// live apart from the rest of the builder, which a search does not link.
#include <fmt/format.h>

#include <cstdint>

#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "model/fnv1a.hpp"

namespace gazette {
namespace {

// prefix + value, or, when that would be too long a term, prefix + the value's source label and
// "/" (everything up to the first '/') + "#" + a 64-bit FNV-1a hash of the value. The label stays
// so that a source's terms keep the prefix its files are enumerated and removed by (sources.hpp
// bounds labels, so this always fits). FNV-1a, not std::hash: the term must be the same on every
// machine and every build.
std::string bounded_term(std::string_view prefix, const std::string& value) {
    std::string term = std::string(prefix) + value;
    if (term.size() <= schema::kMaxTermBytes) return term;
    std::uint64_t hash = fnv1a64(value);
    std::size_t slash = value.find('/');
    std::string_view label =
        slash == std::string::npos ? std::string_view() : std::string_view(value).substr(0, slash + 1);
    if (prefix.size() + label.size() + 17 > schema::kMaxTermBytes) label = {};
    return fmt::format("{}{}#{:016x}", prefix, label, hash);
}

}  // namespace

std::string DocumentBuilder::id_term(const std::string& id) { return bounded_term(schema::kIdPrefix, id); }

std::string DocumentBuilder::own_story(const std::string& id, std::string_view fingerprint) {
    return fmt::format("{:016x}", fnv1a64(fingerprint, fnv1a64(std::string_view(id.data(), id.size() + 1))));
}

std::string DocumentBuilder::term_under(const Xapian::Document& doc, std::string_view prefix) {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(std::string(prefix));
    if (it == doc.termlist_end() || !(*it).starts_with(prefix)) return {};
    return *it;
}

std::string DocumentBuilder::file_term(const std::string& file_id) {
    return bounded_term(schema::kFilePrefix, file_id);
}

}  // namespace gazette
