#include "search/unweighted_query.hpp"

#include <vector>

namespace gazette {

Xapian::Query unweighted_query(const Xapian::Query& query, const Xapian::Database& db) {
    using Q = Xapian::Query;
    switch (query.get_type()) {
        case Q::LEAF_TERM: {
            Xapian::doccount docs = db.get_doccount();
            auto term = query.get_terms_begin();
            if (docs > 0 && term != query.get_terms_end() && db.get_termfreq(*term) == docs) return Q::MatchAll;
            return query;
        }
        case Q::OP_SCALE_WEIGHT:
            return unweighted_query(query.get_subquery(0), db);
        case Q::OP_AND:
        case Q::OP_OR:
        case Q::OP_AND_NOT:
        case Q::OP_XOR:
        case Q::OP_AND_MAYBE:
        case Q::OP_FILTER:
        case Q::OP_MAX: {
            std::vector<Q> parts;
            parts.reserve(query.get_num_subqueries());
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                parts.push_back(unweighted_query(query.get_subquery(i), db));
            return Q(query.get_type(), parts.begin(), parts.end());
        }
        default:
            return query;
    }
}

}  // namespace gazette
