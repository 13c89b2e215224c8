// gazette-speakers: runs quote attribution over a directory of articles and prints who is quoted
// in each; with --gold, scores the result (precision, recall, F1 of (article, speaker) pairs).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <fstream>

#include "analysis/analyzer.hpp"
#include "cli/common_options.hpp"
#include "readers/read_error.hpp"
#include "readers/reader.hpp"
#include "speakers/attribution.hpp"
#include "speakers/evaluation.hpp"

namespace fs = std::filesystem;
using namespace gazette;

namespace {

SpeakerSets attribute_directory(const fs::path& root, bool show) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && is_article_file(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    SpeakerSets found;
    for (const auto& path : files) {
        std::string id = fs::relative(path, root).generic_string();
        try {
            for (const Article& article : read_articles(path, id).articles) {
                Attribution a = attribute_quotes(article.title, article.paragraphs);
                auto& set = found[article.id];
                set.insert(a.speakers.begin(), a.speakers.end());
                if (show) {
                    fmt::print("{}\t{}\n", article.id, article.title);
                    for (const auto& s : a.speakers) fmt::print("\tspeaker: {}\n", s);
                    for (const auto& q : a.quotes) fmt::print("\t  {}: “{}”\n", q.speaker, q.text);
                }
            }
        } catch (const ReadError& e) {
            fmt::print(stderr, "gazette-speakers: skipped {}: {}\n", path.string(), e.what());
        }
    }
    return found;
}

// Each line of the file is a one-paragraph article that must yield no speaker.
std::size_t count_negative_speakers(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot open", path.string()));
    std::size_t wrong = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        for (const auto& s : attribute_quotes("", {line}).speakers) {
            fmt::print("wrong (negative sentence)\t{}\t{}\n", s, line);
            ++wrong;
        }
    }
    return wrong;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"gazette-speakers: who is quoted in each article of a directory, and how well "
                 "that matches a gold file.\nExit status: 0 done, 2 error."};
    std::string dir, gold_path, negatives;
    bool quotes = false;
    app.add_option("DIR", dir, "Directory of articles")->required()->check(CLI::ExistingDirectory);
    app.add_option("--gold", gold_path, "Gold file: <article id>\\t<speaker> per line")
        ->check(CLI::ExistingFile);
    app.add_option("--negatives", negatives, "Sentences (one a line) that must yield no speaker")
        ->check(CLI::ExistingFile);
    app.add_flag("--quotes", quotes, "Print every quote with its speaker");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return exit_for_parse_error(app, e, "gazette-speakers");
    }
    try {
        SpeakerSets found = attribute_directory(dir, gold_path.empty() || quotes);
        if (gold_path.empty()) return kExitOk;
        Analyzer analyzer;
        SpeakerScore score = score_speakers(read_gold(gold_path), found, analyzer);
        for (const auto& [article, name] : score.wrong) fmt::print("wrong\t{}\t{}\n", article, name);
        for (const auto& [article, name] : score.missed) fmt::print("missed\t{}\t{}\n", article, name);
        std::size_t negative_errors = negatives.empty() ? 0 : count_negative_speakers(negatives);
        fmt::print("articles {}  pairs found {}  expected {}  correct {}\n", found.size(),
                   score.true_positives + score.false_positives,
                   score.true_positives + score.false_negatives, score.true_positives);
        fmt::print("precision {:.3f}  recall {:.3f}  F1 {:.3f}\n", score.precision(), score.recall(),
                   score.f1());
        if (!negatives.empty()) fmt::print("negative sentences with a speaker: {}\n", negative_errors);
        return kExitOk;
    } catch (const std::exception& e) {
        fmt::print(stderr, "gazette-speakers: {}\n", e.what());
        return kExitError;
    }
}
