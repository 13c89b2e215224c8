// Fuzz target: the query language, raw bytes (a query comes straight from argv, so it may be any
// bytes), with both default operators. The only exception allowed is QueryError.
#include <cstddef>
#include <cstdint>

#include "analysis/analyzer.hpp"
#include "fuzz_support.hpp"
#include "search/query_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const gazette::Analyzer analyzer;
    static const gazette::QueryParser parser(analyzer);
    std::string_view in = gazette::fuzz::bytes(data, size);
    for (auto op : {gazette::DefaultOperator::Or, gazette::DefaultOperator::And}) {
        try {
            gazette::ParsedQuery q = parser.parse(in, op);
            (void)q.query.get_description();
            for (const auto& w : q.words)
                if (w.empty()) gazette::fuzz::broken("empty query word");
        } catch (const gazette::QueryError& e) {
            std::string_view message = e.what();
            if (message.empty()) gazette::fuzz::broken("QueryError without a message");
        }
    }
    return 0;
}
