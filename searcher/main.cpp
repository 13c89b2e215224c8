// gazette-search: parses options, runs the search core from shared/, hands the result to a
// printer, maps the outcome to an exit code (0 matches, 1 no match, 2 error).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <system_error>

#include "article_printer.hpp"
#include "cli/color_choice.hpp"
#include "cli/common_options.hpp"
#include "index/index_damage.hpp"
#include "index/open_files.hpp"
#include "printer.hpp"
#include "search/searcher.hpp"
#include "search/synonyms.hpp"

namespace {

std::string join_args(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    CLI::App app{"gazette-search: search a Gazette index.\n"
                 "Query language: see docs/query-language.md. Exit status: 0 matches found, "
                 "1 nothing matched, 2 error."};
    std::vector<std::string> dbs;
    std::vector<std::string> words;
    SearchOptions options;
    bool all = false, json = false;
    std::string sort = "relevance";
    add_db_option(app, dbs);
    app.add_option("QUERY", words, "Query words, phrases, operators and fields");
    app.add_flag("--all", all, "Require every word (default: more words rank higher)");
    app.add_option("--speaker", options.speakers, "Only articles quoting this person (repeatable)")
        ->allow_extra_args(false);  // one name per --speaker; the query words stay positional
    app.add_option("--from", options.from, "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD");
    app.add_option("--to", options.to, "Latest date: YYYY, YYYY-MM or YYYY-MM-DD");
    app.add_option("-n,--limit", options.limit, "Hits to show (default 10)")->check(CLI::Range(0, 10000));
    app.add_option("--offset", options.offset, "Hits to skip (default 0)")->check(CLI::Range(0, 1000000));
    app.add_option("--sort", sort, "relevance, newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
    std::string by = "month";
    app.add_flag("--facets", options.facets, "Count speakers, sources and dates over all matches");
    app.add_flag("--speakers", options.speakers_only, "List who is quoted in the matches, with counts");
    app.add_flag("--quotes", options.quotes, "Show each hit's quotes that match, with their speakers");
    app.add_flag("--timeline", options.timeline, "Draw the number of matches over time");
    app.add_option("--facet-limit", options.facet_limit,
                   "Speakers and sources listed by --facets and --speakers (default 20; 0: all)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}));
    app.add_option("--by", by, "Date buckets for --facets and --timeline: year, month or day")
        ->check(CLI::IsMember({"year", "month", "day"}));
    app.add_flag("--exact-count", options.exact_count,
                 "Count every match (default: exact up to 10,000, maybe estimated beyond; one word is always exact; --facets and "
                 "--timeline always count every match)");
    app.add_flag("--all-versions", options.all_versions,
                 "List every copy of a syndicated story (default: one hit per story, the earliest "
                 "copy, with the others under it)");
    app.add_flag("--stories", options.stories,
                 "The count, --facets and --timeline count stories (copies once), not articles");
    app.add_option("--like", options.like,
                   "Articles on the same story as the article ID (as each hit prints it), ranked, "
                   "without its copies; query words and filters narrow them");
    app.add_flag("--kwic", options.kwic,
                 "Concordance: every occurrence of the query in the matching articles, one line each");
    std::string origin;
    app.add_option("--origin", origin,
                   "Every article carrying this quote, oldest first, with whom each credits");
    std::vector<std::string> compare;
    app.add_option("--compare", compare, "A query for side-by-side timelines (repeat it)")
        ->allow_extra_args(false);
    app.add_flag("--share", options.share,
                 "With --timeline or --compare: each bucket's matches as a share of all its articles");
    app.add_flag("--json", json, "JSON Lines: one object per hit, then a summary object");
    std::string format = "text";
    app.add_option("--format", format,
                   "text, json (= --json) or csv (the hits; with --facets, --speakers or "
                   "--timeline, their counts as facet,value,count)")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    std::string show;
    app.add_option("--show", show,
                   "Print one whole article (its id, as --json gives it, or its file's path) with "
                   "its metadata, speakers and quotes marked");
    std::string synonyms_file;
    app.add_option("--synonyms", synonyms_file,
                   "Aliases for query words: a file of 'kremlin = russian government' lines");
    bool no_correct = false;
    app.add_flag("--no-correct", no_correct,
                 "No spelling suggestion, and no search of the corrected query when nothing matches");
    bool count_only = false;
    app.add_flag("--count", count_only, "Print only the number of matches (counted exactly)");
    std::string color = "auto";
    app.add_option("--color", color,
                   "Colour and bold in terminal output: auto (a terminal, unless NO_COLOR is set), "
                   "always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.set_version_flag("--version", "gazette-search " GAZETTE_VERSION);
    std::string ranking;
    app.add_option("--ranking", ranking,
                   "Override ranking parameters for experiments: k1=1.2,b=0.75,... (docs/ranking.md)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return exit_for_parse_error(app, e, "gazette-search");
    }
    options.query = join_args(words);
    options.op = all ? DefaultOperator::And : DefaultOperator::Or;
    static const std::map<std::string, SortOrder> kSorts = {
        {"relevance", SortOrder::Relevance}, {"newest", SortOrder::Newest}, {"oldest", SortOrder::Oldest}};
    options.sort = kSorts.at(sort);
    static const std::map<std::string, DateBucket> kBuckets = {
        {"year", DateBucket::Year}, {"month", DateBucket::Month}, {"day", DateBucket::Day}};
    options.date_bucket = kBuckets.at(by);
    try {
        options.ranking = parse_ranking_params(ranking);
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "gazette-search: --ranking: {}\n", e.what());
        return kExitError;
    }

    std::string db = join_args(dbs);  // for messages
    std::signal(SIGPIPE, SIG_IGN);  // a closed pipe ends output quietly, see below
    try {
        Searcher searcher(dbs);
        if (format == "json") json = true;
        const OutputFormat out = json ? OutputFormat::Json : format == "csv" ? OutputFormat::Csv : OutputFormat::Text;
        bool colored = use_color(color, isatty(STDOUT_FILENO) != 0, std::getenv("NO_COLOR"));
        if (!show.empty()) {
            std::optional<Article> article = searcher.article(show);
            if (!article) {
                fmt::print(stderr, "gazette-search: {}: no article with this id or path in {}\n", show, db);
                return kExitPartial;
            }
            json ? print_article_json(*article) : print_article(*article, colored);
            std::fflush(stdout);
            return kExitOk;
        }
        if (!origin.empty()) {
            OriginResult found = searcher.origin(origin, options);
            print_origin(found, origin, out, colored);
            std::fflush(stdout);
            return found.reports.empty() ? kExitPartial : kExitOk;
        }
        options.correct = !no_correct;
        if (!synonyms_file.empty()) options.synonyms = load_synonyms(synonyms_file, Analyzer{});
        if (!compare.empty()) {
            // A positional query is the first column.
            if (!options.query.empty()) compare.insert(compare.begin(), options.query);
            CompareTable table = searcher.compare(compare, options);
            print_compare(table, options, out);
            std::fflush(stdout);
            bool any = std::any_of(table.totals.begin(), table.totals.end(), [](auto n) { return n > 0; });
            return any ? kExitOk : kExitPartial;
        }
        if (count_only) {
            options.correct = false;  // the count of the query as typed, for scripts
            options.limit = 0;
            options.exact_count = true;
        }
        SearchResult result = searcher.search(options);
        if (count_only) {
            fmt::print("{}\n", result.total);
            std::fflush(stdout);
            return result.total > 0 ? kExitOk : kExitPartial;
        }
        if (options.kwic) {
            print_kwic(result, options, out, colored);
            std::fflush(stdout);
            return result.total > 0 ? kExitOk : kExitPartial;
        }
        auto printer = json               ? make_json_printer()
                       : format == "csv" ? make_csv_printer()
                                         : make_terminal_printer(colored);
        printer->print(result, options);
        std::fflush(stdout);
        return result.total > 0 ? kExitOk : kExitPartial;
    } catch (const QueryError& e) {
        fmt::print(stderr, "gazette-search: bad query: {}\n", e.what());
    } catch (const Xapian::DatabaseModifiedError& e) {
        fmt::print(stderr,
                   "gazette-search: {}: the index is busy: a writer kept committing while it was "
                   "read, 10 times in a row; try again ({})\n",
                   db, e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
        // Damage the open-time probe did not reach, met while reading (index_damage.hpp).
        fmt::print(stderr, "gazette-search: {}\n", damaged_message(db, e.get_description()));
    } catch (const Xapian::DatabaseError& e) {
        if (reports_too_many_open_files(e.get_description())) {
            // Not a damaged index: more shards than the process may open files for.
            fmt::print(stderr, "gazette-search: {}: too many open files ({}); raise the limit (ulimit -n)\n", db,
                       e.get_description());
            return kExitError;
        }
        fmt::print(stderr,
                   "gazette-search: {}: the index is damaged or unreadable ({}); check it with "
                   "gazette-index --check --db {}, or re-index into a new directory\n",
                   db, e.get_description(), db);
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "gazette-search: {}: {}\n", db, e.get_description());
    } catch (const std::system_error& e) {
        if (e.code().value() == EPIPE) return kExitOk;  // `gazette-search ... | head`
        fmt::print(stderr, "gazette-search: {}\n", e.what());
    } catch (const std::exception& e) {
        fmt::print(stderr, "gazette-search: {}\n", e.what());
    }
    return kExitError;
}
