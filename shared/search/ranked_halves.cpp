#include "search/ranked_halves.hpp"

#include <algorithm>
#include <future>
#include <optional>
#include <system_error>

#include "search/docid_slices.hpp"

namespace gazette {
namespace {

RankedPage rank_half(const Xapian::Database& db, const Xapian::Query& query, const EnquireSetup& setup,
                     MergeOrder order, Xapian::doccount wanted, Xapian::doccount check_at_least) {
    Xapian::Enquire enquire(db);
    setup(enquire);
    enquire.set_query(query);
    return rank_page(enquire, 0, wanted, check_at_least, order != MergeOrder::Relevance);
}

/// Whether hit i of `a` comes before hit j of `b` in `order`.
bool comes_before(const RankedPage& a, std::size_t i, const RankedPage& b, std::size_t j, MergeOrder order) {
    if (order != MergeOrder::Relevance && a.keys[i] != b.keys[j])
        return order == MergeOrder::KeyAscending ? a.keys[i] < b.keys[j] : a.keys[i] > b.keys[j];
    if (a.docs[i].weight != b.docs[j].weight) return a.docs[i].weight > b.docs[j].weight;
    return a.docs[i].id < b.docs[j].id;
}

}  // namespace

RankedPage rank_page(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount count,
                     Xapian::doccount check_at_least, bool keys) {
    Xapian::MSet mset = enquire.get_mset(first, count, check_at_least);
    RankedPage page;
    page.lower = mset.get_matches_lower_bound();
    page.estimated = mset.get_matches_estimated();
    page.upper = mset.get_matches_upper_bound();
    page.docs.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        page.docs.push_back({*it, it.get_weight()});
        if (keys) page.keys.push_back(it.get_sort_key());
    }
    return page;
}

namespace {

/// About how many articles `query` matches: a term's frequency, a union's sum (at most every
/// article), else its largest part's.
std::uint64_t frequency(const Xapian::Database& db, const Xapian::Query& query) {
    std::uint64_t freq = 0;
    auto op = query.get_type();
    if (query.get_num_subqueries() == 0) {
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it)
            freq = std::max<std::uint64_t>(freq, db.get_termfreq(*it));
        return freq;
    }
    bool any = op == Xapian::Query::OP_OR || op == Xapian::Query::OP_SYNONYM;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        std::uint64_t part = frequency(db, query.get_subquery(i));
        freq = any ? freq + part : std::max(freq, part);
    }
    return std::min<std::uint64_t>(freq, db.get_doccount());
}

}  // namespace

std::uint64_t phrase_candidates(const Xapian::Database& db, const Xapian::Query& phrase) {
    std::uint64_t rarest = db.get_doccount();
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i)
        rarest = std::min(rarest, frequency(db, phrase.get_subquery(i)));
    return rarest;
}

std::uint64_t split_work(const Xapian::Database& db, const Xapian::Query& query, bool terms_count) {
    std::uint64_t work = 0;
    auto op = query.get_type();
    // A phrase's candidates each cost a read of every word's positions.
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return phrase_candidates(db, query) * kPositionCheckWork;
    if (query.get_num_subqueries() == 0) return terms_count ? frequency(db, query) : 0;  // a term's postings
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        work = std::max(work, split_work(db, query.get_subquery(i), terms_count));
    return work;
}

RankedPage rank_in_halves(const Xapian::Database& db, const TwinOpener& open_twin, const Xapian::Query& query,
                          const EnquireSetup& setup, MergeOrder order, Xapian::doccount first,
                          Xapian::doccount count, Xapian::doccount check_at_least) {
    Xapian::doccount wanted = first + count;
    // By relevance each half checks half of check_at_least. Ordered by key, every match is seen
    // anyway and a half's count is exact only while it is below check_at_least: all of it.
    Xapian::doccount half_check = order == MergeOrder::Relevance ? check_at_least / 2 + check_at_least % 2 : check_at_least;
    // Xapian::Query counts its references without atomics: the other thread builds its half
    // from a copy of its own (as the facet threads do, facet_tables.cpp).
    Xapian::Query lower_query = restricted_to(query, DocidShare::lower_half());
    struct UpperRun {
        Xapian::Query query;
        std::optional<RankedPage> page;  // nullopt: no twin
    };
    auto run_upper = [&, serialised = query.serialise()](bool other_thread) {
        UpperRun run{restricted_to(Xapian::Query::unserialise(serialised), DocidShare::upper_half()), std::nullopt};
        // The other thread opens its handle itself, while this one starts on its half.
        if (const Xapian::Database* twin = other_thread ? open_twin() : nullptr)
            run.page = rank_half(*twin, run.query, setup, order, wanted, half_check);
        return run;
    };
    std::future<UpperRun> upper_run;
    try {
        upper_run = std::async(std::launch::async, run_upper, true);
    } catch (const std::system_error&) {
        // No thread to be had (a limit on processes): this thread ranks both halves.
        upper_run = std::async(std::launch::deferred, run_upper, false);
    }
    RankedPage lower;
    try {
        lower = rank_half(db, lower_query, setup, order, wanted, half_check);
    } catch (...) {
        upper_run.wait();  // the thread reads `setup`: let it end first
        throw;
    }
    UpperRun ran = upper_run.get();
    const Xapian::Database& upper_db = ran.page ? *open_twin() : db;
    const Xapian::Query& upper_query = ran.query;
    RankedPage upper = ran.page ? std::move(*ran.page) : rank_half(db, upper_query, setup, order, wanted, half_check);

    // One Enquire's count is exact whenever there are at most check_at_least matches. A half
    // that stopped after half of it, beside a half that counted b exactly, may still hold no more
    // than check_at_least - b: then it counts again, one match further, to see its end.
    auto recount = [&](RankedPage& stopped, const RankedPage& counted, const Xapian::Database& on,
                       const Xapian::Query& half_query) {
        if (stopped.exact() || !counted.exact() || counted.lower >= check_at_least) return;
        Xapian::doccount room = check_at_least - counted.lower;
        if (stopped.lower > room) return;  // more than check_at_least in all
        stopped = rank_half(on, half_query, setup, order, wanted, room + 1);
    };
    recount(lower, upper, db, lower_query);
    recount(upper, lower, upper_db, upper_query);

    RankedPage page;
    page.lower = lower.lower + upper.lower;
    page.upper = lower.upper + upper.upper;
    // A half that stopped early bounds the whole query's matches too: its candidates' bound is
    // the query's (the half's filter claims every document). All of them found: the count is exact.
    for (const RankedPage* half : {&lower, &upper})
        if (!half->exact()) page.upper = std::max(page.lower, std::min(page.upper, half->upper));
    // A half that stopped early mostly estimates the whole query's matches (its filter's
    // frequency is the database's): half of it.
    auto share = [](const RankedPage& half) {
        return half.exact() ? half.lower : std::clamp(half.estimated / 2, half.lower, half.upper);
    };
    page.estimated = std::clamp(share(lower) + share(upper), page.lower, page.upper);
    std::size_t i = 0;
    std::size_t j = 0;
    while (page.docs.size() < wanted && (i < lower.docs.size() || j < upper.docs.size())) {
        bool from_lower = j == upper.docs.size() ||
                          (i < lower.docs.size() && comes_before(lower, i, upper, j, order));
        page.docs.push_back(from_lower ? lower.docs[i++] : upper.docs[j++]);
    }
    page.docs.erase(page.docs.begin(), page.docs.begin() + std::min<std::ptrdiff_t>(first, std::ssize(page.docs)));
    return page;
}

}  // namespace gazette
