// End to end: gazette-search on hostile queries and options. Each one must give results (exit 0
// or 1) or a one-line error on stderr with exit 2, in bounded time (every run goes through
// `timeout`): never a crash, a hang, a sanitizer report or a multi-line dump.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

#include "fixtures.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;

namespace {

const std::string kTimeout = "/usr/bin/timeout";

// One index of sample_corpus shared by every case of this file (built on first use).
const fs::path& sample_index() {
    static TempDir dir;
    static const fs::path db = [] {
        fs::path path = dir / "idx";
        RunResult r = run(kIndexBin, {kSampleCorpus.string(), "--db", path.string(), "-q"});
        INFO(r.err);
        REQUIRE(r.status == 0);
        return path;
    }();
    return db;
}

RunResult search(const std::vector<std::string>& args, int seconds = 60) {
    std::vector<std::string> all = {"-k", "5", std::to_string(seconds), kSearchBin, "--db", sample_index().string()};
    all.insert(all.end(), args.begin(), args.end());
    return run(kTimeout, all);
}

// The command line for a message, cut short (Catch's console output is slow on huge messages).
std::string shown(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args) {
        if (!out.empty()) out += ' ';
        out += a.size() > 60 ? a.substr(0, 40) + "...(" + std::to_string(a.size()) + " bytes)" : a;
        if (out.size() > 300) return out + " ...(" + std::to_string(args.size()) + " arguments)";
    }
    return out;
}

// Results (0: matches, 1: none) or exit 2 with exactly one non-empty line on stderr. Returns
// the status so that callers can add their own expectations. `args` go to gazette-search as
// they are (options and query words).
int check_handled(const std::vector<std::string>& args, int seconds = 60) {
    auto started = std::chrono::steady_clock::now();
    RunResult r = search(args, seconds);
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO("gazette-search " << shown(args) << "\nexit " << r.status << " after " << took << " s\nstderr: "
                           << r.err.substr(0, 2000));
    CHECK(r.status != 124);  // timeout(1) had to stop it
    CHECK(r.status != 127);  // the test's fault: one argument over execve's 128 KiB limit
    CHECK(r.status < 128);   // no crash, no sanitizer abort
    CHECK((r.status == 0 || r.status == 1 || r.status == 2));
    if (r.status == 2) {
        CHECK(!r.err.empty());
        CHECK(r.err.back() == '\n');
        CHECK(r.err.find('\n') == r.err.size() - 1);  // one line
    }
    if (r.status == 0 || r.status == 1) CHECK(r.err.empty());
    return r.status;
}

// A query (one or more words) after `--`, so that one starting with '-' is a query, not an
// option; `options` come before it.
int check_query(const std::vector<std::string>& words, const std::vector<std::string>& options = {}) {
    std::vector<std::string> args = options;
    args.push_back("--");
    args.insert(args.end(), words.begin(), words.end());
    return check_handled(args);
}

int check_query(const std::string& query, const std::vector<std::string>& options = {}) {
    return check_query(std::vector<std::string>{query}, options);
}

// prefix + number, written without `"literal" + std::string`: GCC 12's -Wrestrict misfires on it
// at -O2 (GCC bug 105329), and warnings are errors.
std::string numbered(const char* prefix, int n) {
    std::string out = prefix;
    out += std::to_string(n);
    return out;
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

// `n` copies of `piece` as arguments of at most 100,000 bytes each (execve refuses a single
// argument over 128 KiB, and all of them over 2 MiB); gazette-search joins them with spaces.
std::vector<std::string> pieces(const std::string& piece, std::size_t n) {
    if (piece.empty()) return {};
    std::size_t per_arg = std::max<std::size_t>(1, 100000 / piece.size());
    std::vector<std::string> args;
    for (std::size_t done = 0; done < n; done += per_arg) args.push_back(repeat(piece, std::min(per_arg, n - done)));
    return args;
}

std::vector<std::string> nested(const std::string& open, std::size_t depth, const std::string& middle,
                                const std::string& close) {
    std::vector<std::string> args = pieces(open, depth);
    if (!middle.empty()) args.push_back(middle);
    if (!close.empty())
        for (std::string& a : pieces(close, depth)) args.push_back(std::move(a));
    return args;
}

TEST_CASE("ten thousand terms", "[cli][hostile-query]") {
    std::string distinct;
    for (int i = 0; i < 10000; ++i) distinct += numbered("w", i) + " ";
    check_query(distinct);
    CHECK(distinct.size() < 100000);
    check_query(distinct + "putin");
    check_query(distinct, {"--all"});
    check_query(repeat("putin ", 10000));
    check_query(repeat("putin ", 10000), {"--facets", "--json"});
    check_query(repeat("\"putin biden\" ", 5000));
    check_query(repeat("title:putin ", 5000) + repeat("-trump ", 5000));
    check_query(repeat("putin OR ", 9999) + "biden");
    check_query(repeat("putin AND ", 9999) + "biden");
    check_query(repeat("NOT ", 10000) + "putin");
    check_query(repeat("speaker:putin ", 5000));
    check_query(repeat("date:2020 ", 5000));
    check_query(repeat("quote:\"we will\" ", 5000), {"--quotes"});
    // Just under and at the parser's limits (1,000 terms, 10,000 bytes), where the work is done.
    for (int n : {999, 1000, 1001}) {
        std::string terms;
        for (int i = 0; i < n; ++i) terms += numbered("t", i) + " ";
        check_query(terms);
        check_query(terms + "putin", {"--all", "--facets"});
        check_query(repeat("putin ", static_cast<std::size_t>(n)), {"--json"});
        check_query(repeat("-putin ", static_cast<std::size_t>(n)));
        check_query(repeat("a-", static_cast<std::size_t>(n)) + "b");
        check_query(repeat("\"a b\" ", static_cast<std::size_t>(n / 2)));
        check_query(repeat("普京", static_cast<std::size_t>(n)));
    }
    std::vector<std::string> many_args;
    for (int i = 0; i < 10000; ++i) many_args.push_back(numbered("a", i));
    check_query(many_args);
    check_query(many_args, {"--all", "--sort", "newest"});
}

TEST_CASE("thousands of nested parentheses", "[cli][hostile-query]") {
    for (std::size_t depth : {100u, 101u, 1000u, 4990u, 15000u}) {  // one argument each
        INFO("depth " << depth);
        check_query(repeat("(", depth) + "putin" + repeat(")", depth));
        check_query(repeat("(", depth) + "putin");
        check_query("putin" + repeat(")", depth));
        check_query(repeat("(", depth) + repeat(")", depth));
        check_query(repeat("-(", depth) + "putin" + repeat(")", depth));
        check_query(repeat("+(", depth) + "putin" + repeat(")", depth));
        check_query(repeat("(a OR ", depth) + "b" + repeat(")", depth));
        check_query(repeat("NOT (", depth) + "putin" + repeat(")", depth));
        check_query(repeat("title:(", depth) + "putin" + repeat(")", depth));
        check_query(repeat("\"", depth));
    }
    // A word beside a group at every level: two optional items at each level (the shape of the
    // fuzzed query whose size doubled with every level under the old coordination bonus).
    for (std::size_t depth : {30u, 50u, 100u, 101u, 1000u, 4990u}) {
        INFO("depth " << depth);
        check_query(repeat("putin (", depth) + "biden" + repeat(")", depth));
        check_query(repeat("putin (trump NOT (", depth) + "biden" + repeat("))", depth), {"--facets"});
    }
    for (std::size_t depth : {100000u, 200000u}) {  // several arguments each
        INFO("depth " << depth);
        check_query(nested("(", depth, "putin", ")"));
        check_query(nested("(", depth, "putin", ""));
        std::vector<std::string> closing = pieces(")", depth);
        closing.insert(closing.begin(), "putin");
        check_query(closing);
        check_query(nested("-(", depth, "putin", ")"));
        check_query(nested("(a OR ", depth, "b", ")"));
        check_query(nested("NOT (", depth, "putin", ")"));
        check_query(nested("\"", depth, "", ""));
    }
}

TEST_CASE("a 100,000-character word", "[cli][hostile-query]") {
    std::string word(100000, 'a');
    check_query(word);
    check_query(word, {"--json"});
    check_query("putin " + word, {"--json", "--facets"});
    check_query({"\"" + word, word + "\""});
    check_query("title:" + word);
    check_query("speaker:" + word);
    check_query("source:" + word);
    check_query("quote:" + word);
    check_query("date:" + std::string(100000, '2'));
    check_query({"+" + word, "-" + word});
    check_query(std::string(100000, '-'));
    check_query(repeat("Кремль", 10000));
    check_query(repeat("普京", 20000));
    check_query(repeat("a-", 50000));
    check_query(repeat("1,", 50000));
    check_query(repeat("U.", 50000));
    check_query("putin", {"--speaker", word});
    check_query("putin", {"--speaker", repeat("Vladimir ", 10000)});
    check_query("putin", {"--from", word});
}

TEST_CASE("lone operators, quotes and modifiers", "[cli][hostile-query]") {
    for (const std::string q : {"AND", "OR", "NOT", "AND OR NOT", "NOT NOT", "OR OR", "AND AND putin", "putin AND",
                                "putin OR", "putin NOT", "(", ")", "()", ")(", "(()", "())", "\"", "\"\"", "\"\"\"",
                                "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\"putin", "putin\"", "+", "-", "+-",
                                "-+", "++putin", "--putin", "-\"", "+(", "-()", "title:", "speaker:", "date:",
                                "source:", "quote:", "title:\"", "title:(", "date:..", "date:2020..", "date:..2020",
                                ":", "::", "title::putin", "AND NOT", "NOT AND", "( AND )", "\"AND\"", "-AND",
                                "+OR", "NOT(", "-", "--", "-*", ""}) {
        check_query(q);
    }
    check_handled({});  // no query at all
}

TEST_CASE("a bare star and other punctuation-only queries", "[cli][hostile-query]") {
    CHECK(check_query("*") == 0);  // an ignored word: the query finds every article
    check_query("**");
    check_query("*", {"--json", "--facets", "--limit", "10000"});
    check_query("elect*");
    check_query("* OR *");
    check_query("-*");
    check_query("title:*");
    check_query(std::vector<std::string>{"&", "?", "!", "%", "."});
}

TEST_CASE("impossible dates and reversed ranges", "[cli][hostile-query]") {
    for (const std::string q :
         {"date:2020-02-30", "date:2021-02-29", "date:2020-13", "date:2020-00", "date:0000", "date:0000-00-00",
          "date:9999-12-31", "date:99999999999999999999", "date:-2020", "date:2020-1-1", "date:2020-11-31",
          "date:2021..2020", "date:2020-12-31..2020-01-01", "date:2020-12..2020-11", "date:2020..2020",
          "date:2020-02-30..2020-03-01", "date:1..2", "date:2020....2021", "date:2020..2021..2022",
          "putin date:2020-02-30", "date:1799", "date:2101", "date:２０２０", "date:2020-11-01T00:00"}) {
        check_query(q);
    }
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"2020-02-30", "2020-03-01"}, {"2021", "2020"}, {"2020-12-31", "2020-01-01"}, {"2020-13", "2021"},
             {"0000", "9999"}, {"-1", "2020"}, {"99999999999999999999", "2020"}, {"", ""}, {"yesterday", "today"},
             {"2020-02-29", "2020-02-28"}, {"1799-01-01", "2101-01-01"}}) {
        check_query("putin", {"--from", from, "--to", to});
    }
}

// Exit 2 and one line on stderr that contains `message`: the error is about what the user typed.
void check_refused(const std::vector<std::string>& args, const std::string& message) {
    RunResult r = search(args);
    INFO("gazette-search " << shown(args) << "\nexit " << r.status << "\nstderr: " << r.err.substr(0, 2000));
    CHECK(r.status == 2);
    CHECK(lines_of(r.err).size() == 1);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("bad option values are refused with messages about the option", "[cli][hostile-query]") {
    // Not "stoul", not "query too long", not "at character 6" of a query the user never wrote.
    check_refused({"--db", "tcp:localhost:99999999999999999999", "putin"},
                  "tcp:localhost:99999999999999999999: port '99999999999999999999' is not a number from 1 "
                  "to 65535");
    check_refused({"--db", "tcp:localhost:0", "putin"}, "port '0' is not a number from 1 to 65535");
    check_refused({"--db", "tcp:localhost:65536", "putin"}, "port '65536'");
    check_refused({"--db", "tcp:localhost:-1", "putin"}, "port '-1'");
    check_refused({"--speaker", std::string(20000, 'a'), "putin"},
                  "--speaker name too long: 20000 bytes (the limit is 1000 bytes)");
    check_refused({"--from", "2020-13-01", "putin"}, "invalid --from '2020-13-01': there is no month 13");
    check_refused({"--to", "2020-02-30", "putin"}, "invalid --to '2020-02-30': 2020-02 has no day 30");
    check_refused({"--from", "2020 x", "putin"}, "invalid --from '2020 x': expected YYYY, YYYY-MM or YYYY-MM-DD");
    check_refused({"--to", "2020..2021", "putin"}, "invalid --to '2020..2021'");
    check_refused({"--from", "2021", "--to", "2020", "putin"}, "reversed date range: --from 2021 is after --to 2020");
    // Year 0 does not exist: refused like month 13, in options and in date: alike.
    check_refused({"--to", "0000", "putin"}, "invalid --to '0000': there is no year 0");
    check_refused({"--from", "0000-01-01", "putin"}, "invalid --from '0000-01-01': there is no year 0");
    check_refused({"--", "putin date:0000"}, "invalid date '0000' at character 12: there is no year 0");
    for (const auto& [option, value] : std::vector<std::pair<std::string, std::string>>{
             {"--from", "2020-13-01"}, {"--to", "0000"}, {"--from", "20x0"}}) {
        RunResult r = search({option, value, "putin"});
        CHECK(r.err.find("character") == std::string::npos);
    }
    // A speaker name at the limit is a name like any other.
    CHECK(check_query("putin", {"--speaker", std::string(1000, 'a')}) == 1);
}

TEST_CASE("invalid UTF-8 in queries and options", "[cli][hostile-query]") {
    for (const std::string q : {"\xFF", "\xFF\xFE putin", "caf\xC3", "\xC0\xAF", "\xC0\x80", "\xED\xA0\x80",
                                "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80\x80\x80", "\"\xFF\"",
                                "title:\xFF", "speaker:\xC0\xAF", "date:\xFF", "\xE2\x80", "\xE2\x80 \"", "(\xFF)",
                                "putin \xFE AND \xFF"}) {
        check_query(q);
        check_query(q, {"--json"});
    }
    check_query("putin", {"--speaker", "\xFF\xFE"});
    check_query("putin", {"--from", "\xFF"});
    check_query("putin", {"--speaker", "\xC0\xAF", "--json", "--facets"});
}

TEST_CASE("absurd --limit and --offset within their ranges", "[cli][hostile-query]") {
    for (const std::vector<std::string>& opts :
         std::vector<std::vector<std::string>>{{"--limit", "0"},
                                               {"--limit", "10000"},
                                               {"--offset", "1000000"},
                                               {"--limit", "10000", "--offset", "1000000"},
                                               {"--limit", "10000", "--json", "--facets"},
                                               {"--offset", "0", "--limit", "0", "--facets"},
                                               {"--offset", "999999", "--limit", "10000", "--sort", "oldest"}}) {
        CHECK(check_query("putin", opts) != 2);
        CHECK(check_query("*", opts) != 2);
    }
}

TEST_CASE("command-line errors are one line: out-of-range options, a query starting with a dash",
          "[cli][hostile-query]") {
    // CLI11 prints its message and then "Run with --help for more information." on a second line.
    for (const std::vector<std::string>& opts : std::vector<std::vector<std::string>>{
             {"--limit", "-1"},
             {"--limit", "10001"},
             {"--limit", "99999999999999999999999"},
             {"--limit", "abc"},
             {"--limit", "1e3"},
             {"--limit", ""},
             {"--offset", "-1"},
             {"--offset", "1000001"},
             {"--offset", "18446744073709551616"},
             {"--offset", "1000000000000"},
             {"-n", "-9223372036854775808"},
             {"--limit"},
             {"--no-such-option"}}) {
        std::vector<std::string> args = {"putin"};
        args.insert(args.end(), opts.begin(), opts.end());
        CHECK(check_handled(args) == 2);
    }
    // Without `--`, a query word starting with '-' reads as an unknown option (README:
    // `putin -trump` works only because `putin` comes first).
    CHECK(check_handled({"-trump"}) == 2);
    CHECK(check_handled({"-(a OR b)"}) == 2);
}
