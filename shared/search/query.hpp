// What the query parser hands the searcher: the Xapian query plus what the snippeter needs to
// highlight (the positive words and phrases, as analysed terms).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

struct ParsedQuery {
    Xapian::Query query;  // ready for Enquire; Xapian::Query::MatchAll for an empty query
    /// A query of filters only (speaker:, source:, date:): `query` without the zero weight that
    /// keeps it from weighing, for the right side of Xapian's OP_FILTER (which weighs nothing);
    /// there Xapian checks a speaker's name positions only where the rest matches.
    std::optional<Xapian::Query> filter;
    /// Positive (not negated) single words, as normalised exact terms (no prefix).
    std::vector<std::string> words;
    /// Positive phrases, each a sequence of normalised exact terms.
    std::vector<std::vector<std::string>> phrases;
    /// Positive speaker: filters, as normalised keywords ("putin", "vladimir putin").
    std::vector<std::string> speakers;
    /// Positive `=word` forms, highlighted only where typed exactly so.
    std::vector<std::string> exact_words;
    /// Positive `prefix*` wildcards (normalised, no star): words starting with one are highlighted.
    std::vector<std::string> prefixes;
    /// Things the user should know about how the query was read ("sanction*" matched more words
    /// than are searched), one sentence each.
    std::vector<std::string> notices;
    /// True when the query has at least one weighted (non-filter) part.
    bool has_weighted_terms = false;
};

}  // namespace gazette
