// Terms: exact words (positional) and Z-stems for title+body, S/ZS for the title alone, XQ/ZXQ for
// words inside quotes; boolean terms for dates, speakers and source; values for sorting and
// facets; the stored article as data. See docs/schema.md.
#include "index/document_builder.hpp"


#include <algorithm>
#include <cstdint>

#include "index/fingerprint.hpp"
#include "index/schema.hpp"
#include "index/speaker_values.hpp"
#include "index/stored_article.hpp"

namespace gazette {
namespace {

void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
    if (value.empty()) return;
    std::string term = std::string(prefix) + std::string(value);
    if (term.size() <= schema::kMaxTermBytes) doc.add_boolean_term(term);
}

}  // namespace

unsigned DocumentBuilder::index_text(Xapian::Document& doc, std::string_view text,
                                     unsigned first_position, unsigned wdf, bool title,
                                     std::vector<std::string>* words) const {
    unsigned next_position = first_position;
    for (const Token& token : m_analyzer.tokenize(text, first_position)) {
        if (words) words->push_back(token.term);
        next_position = std::max(next_position, token.position + 1);
        std::string stem = m_analyzer.stem(token.term);
        // Positions are 1-based in Xapian by convention; ours start at first_position + 1.
        doc.add_posting(token.term, token.position + 1, wdf);
        doc.add_term(std::string(schema::kStemPrefix) + stem, wdf);
        if (title) {
            doc.add_posting(std::string(schema::kTitlePrefix) + token.term, token.position + 1);
            doc.add_term(std::string(schema::kTitleStemPrefix) + stem);
        }
    }
    return next_position;
}

void DocumentBuilder::index_quotes(Xapian::Document& doc, const Article& article) const {
    unsigned block = 0;
    for (const Quote& quote : article.quotes) {
        unsigned first = block * schema::kQuoteBlock + 1;
        unsigned last = first + schema::kQuoteBlock - 1;
        ++block;
        // The speaker's words at the block's first position tie the quote to who said it.
        for (const auto& word : Analyzer::keyword_words(m_analyzer.normalize_keyword(quote.speaker))) {
            std::string term = std::string(schema::kQuoteSpeakerPrefix) + word;
            if (term.size() <= schema::kMaxTermBytes) doc.add_posting(term, first, 0);
        }
        for (const Token& token : m_analyzer.tokenize(quote.text, first)) {
            std::string exact = std::string(schema::kQuotePrefix) + token.term;
            std::string stem = std::string(schema::kQuoteStemPrefix) + m_analyzer.stem(token.term);
            Xapian::termpos position = token.position + 1;
            if (position <= last) {
                doc.add_posting(exact, position);
                doc.add_posting(stem, position);
            } else {
                doc.add_term(exact);
                doc.add_term(stem);
            }
        }
    }
}

void DocumentBuilder::index_keyword_terms(Xapian::Document& doc, const Article& article) const {
    if (article.date) {
        std::string compact = article.date->compact();
        add_boolean(doc, schema::kYearPrefix, compact.substr(0, 4));
        add_boolean(doc, schema::kMonthPrefix, compact.substr(0, 6));
        add_boolean(doc, schema::kDayPrefix, compact);
        doc.add_value(schema::kDateSlot, compact);
    } else {
        doc.add_boolean_term(std::string(schema::kUndatedTerm));
    }
    // Name words carry positions, one speaker every kSpeakerPositionGap, so that a filter on
    // "vladimir putin" can ask for both words within one speaker's name (OP_NEAR).
    unsigned base = 1;
    for (const auto& speaker : article.speakers) {
        std::string name = m_analyzer.normalize_keyword(speaker);
        add_boolean(doc, schema::kSpeakerPrefix, name);
        std::vector<std::string> words = Analyzer::keyword_words(name);
        for (std::size_t j = 0; j < words.size(); ++j) {
            unsigned position = base + static_cast<unsigned>(j);
            std::string term = std::string(schema::kSpeakerWordPrefix) + words[j];
            if (term.size() <= schema::kMaxTermBytes) doc.add_posting(term, position, 0);
            // Given names also answer to their initial: "v putin" finds Vladimir Putin.
            if (j + 1 < words.size() && words[j].size() > 1 && static_cast<unsigned char>(words[j][0]) < 0x80)
                doc.add_posting(std::string(schema::kSpeakerWordPrefix) + words[j][0], position, 0);
        }
        base += schema::kSpeakerPositionGap;
    }
    if (!article.speakers.empty()) doc.add_value(schema::kSpeakersSlot, pack_speakers(article.speakers));
    if (!article.source.empty()) {
        add_boolean(doc, schema::kSourcePrefix, m_analyzer.normalize_keyword(article.source));
        doc.add_value(schema::kSourceSlot, article.source);
    }
}

Xapian::Document DocumentBuilder::build(const Article& article, const std::string& file_id,
                                        const std::string& signature) const {
    Xapian::Document doc;
    doc.add_boolean_term(id_term(article.id));
    doc.add_boolean_term(file_term(file_id));
    index_text(doc, article.title, 0, schema::kTitleWdfBoost, true);
    unsigned position = schema::kBodyFirstPosition;
    std::vector<std::string> body_words;
    for (const auto& paragraph : article.paragraphs) {
        // + 1: no phrase across paragraphs
        position = index_text(doc, paragraph, position, 1, false, &body_words) + 1;
    }
    // Syndicated copies: the fingerprint; the story pass (story_pass.hpp) moves a copy into its
    // first-indexed sibling's story.
    std::string packed;
    if (auto print = fingerprint_words(body_words)) {
        packed = print->pack();
        doc.add_value(schema::kFingerprintSlot, packed);
    }
    std::string story = own_story(article.id, packed);
    doc.add_value(schema::kStorySlot, story);
    doc.add_boolean_term(std::string(schema::kStoryPrefix) + story);
    index_quotes(doc, article);
    index_keyword_terms(doc, article);
    doc.add_value(schema::kSignatureSlot, signature);
    store_article(doc, article, m_dictionary);
    return doc;
}

}  // namespace gazette
