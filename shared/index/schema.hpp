// The index schema: every term prefix, value slot and metadata key Gazette writes, in one place.
// docs/schema.md is the same table in prose; change both together and bump kSchemaVersion when an
// existing index could no longer be read correctly. Prefixes follow Xapian Omega's conventions
// (xapian-omega/docs/termprefixes.rst) where one exists; our own fields start with X.
#pragma once

#include <string_view>

namespace gazette::schema {

/// Written to the database metadata under kSchemaVersionKey; the searcher refuses other versions.
/// Version 5 may hold articles stored compressed (kTextDictionaryKey); a version-4 index is
/// version 5 without them, so both are read, and gazette-index marks a version-4 index with the
/// current version when it first stores a dictionary in it. Version 6 may hold copies that keep the XSTORY term they were
/// indexed with (kStoryAliasPrefix); a version-5 index is version 6 without them, and the story
/// pass marks an index 6 when it first moves a copy so. An older build refuses a version-6 index,
/// whose story members it would miss.
inline constexpr int kSchemaVersion = 6;
inline constexpr int kOldestReadableVersion = 4;
inline constexpr std::string_view kSchemaVersionKey = "gazette.schema_version";
/// True for the versions this build reads and writes (kOldestReadableVersion to kSchemaVersion).
[[nodiscard]] constexpr bool readable_version(std::string_view version) {
    for (int v = kOldestReadableVersion; v <= kSchemaVersion; ++v)
        if (version.size() == 1 && version[0] == static_cast<char>('0' + v)) return true;
    return false;
}
/// gazette.text_dictionary.<id> = a zstd dictionary the stored articles (kStoredTextSlot) may be compressed with
/// (index/stored_text.hpp); gazette.text_dictionary = the id of the one new articles are
/// compressed with. Learnt by the first run with enough text, then kept: every shard of a run
/// gets the same one.
inline constexpr std::string_view kTextDictionaryPrefix = "gazette.text_dictionary.";
inline constexpr std::string_view kTextDictionaryKey = "gazette.text_dictionary";
/// gazette.source.<label> = the absolute real path of the directory indexed under that label; a
/// different directory under a recorded label is refused unless the run says it moved (--moved).
/// Written to every shard, before the first document of the source.
inline constexpr std::string_view kSourceKeyPrefix = "gazette.source.";
/// Passes a run owes after writing articles, set in the same commit as the articles and cleared
/// in the commit that ends the pass, so that a killed run's pass is run by the next run. One pass
/// today: kSpeakerPass (archive_speakers.hpp).
inline constexpr std::string_view kPendingPassesKey = "gazette.pending_passes";
inline constexpr std::string_view kSpeakerPass = "speakers";
/// gazette.stories_owed.<10 digits>: the id terms (Q…) of articles written and not yet looked at
/// by the story pass (index/story_pass.hpp), one a line, up to 1,000 a key. Written in the commit
/// that writes those articles, deleted in the commit that ends the pass: a killed run's copies
/// are grouped by the next run.
inline constexpr std::string_view kStoriesOwedPrefix = "gazette.stories_owed.";
/// gazette.story_alias.<story> = the XSTORY values (16 hex digits, one a line) of the copies the
/// story pass moved into <story>: a copy's story slot changes, its XSTORY term stays the one it
/// was indexed with (changing a term makes Xapian 1.4 read the document's every term and position
/// back, most of the pass). The articles of a story are those with its XSTORY term or one of these
/// whose story slot holds it (search/stories.hpp). Written to every database of the index alike.
inline constexpr std::string_view kStoryAliasPrefix = "gazette.story_alias.";

// ---- Term prefixes ------------------------------------------------------------------------
// Ids are "<source label>/<path relative to that source's directory>": several directories feed
// one index, each under its label (index/sources.hpp), and a source's file terms share the prefix
// XFILE<label>/ so that its files are enumerated, deleted or removed without touching the others.
inline constexpr std::string_view kIdPrefix = "Q";          // Q<label>/<relative path>[#record]: unique id
inline constexpr std::string_view kFilePrefix = "XFILE";    // XFILE<label>/<relative path>: the source file
inline constexpr std::string_view kBodyPrefix = "";         // exact words, title + body, positional
inline constexpr std::string_view kStemPrefix = "Z";        // Z<stem>, title + body, no positions
inline constexpr std::string_view kTitlePrefix = "S";       // S<word>, title only, positional
inline constexpr std::string_view kTitleStemPrefix = "ZS";  // ZS<stem>, title only
inline constexpr std::string_view kYearPrefix = "Y";        // Y2020
inline constexpr std::string_view kMonthPrefix = "M";       // M202011
inline constexpr std::string_view kDayPrefix = "D";         // D20201109
inline constexpr std::string_view kSpeakerPrefix = "XSPK";      // XSPK<normalised full name>
inline constexpr std::string_view kSpeakerWordPrefix = "XSPW";  // XSPW<one word of the name>, positional
inline constexpr std::string_view kSourcePrefix = "XSRC";       // XSRC<normalised source>
inline constexpr std::string_view kQuotePrefix = "XQ";          // XQ<word>, words inside quotes
inline constexpr std::string_view kQuoteStemPrefix = "ZXQ";     // ZXQ<stem>, positional
/// The prefixes a word is written under with its stem, in lockstep (DocumentBuilder: each exact
/// term beside its stem term at the same wdf, so the stem's articles hold every exact form's):
/// title and body words, title words, quoted words.
struct WordPrefixes {
    std::string_view exact;
    std::string_view stem;
};
inline constexpr WordPrefixes kBodyWords{kBodyPrefix, kStemPrefix};
inline constexpr WordPrefixes kTitleWords{kTitlePrefix, kTitleStemPrefix};
inline constexpr WordPrefixes kQuoteWords{kQuotePrefix, kQuoteStemPrefix};
/// XQSP<one word of the quote's speaker's normalised name>, at the first position of the quote's
/// block: `speaker:X quote:Y` asks for X's word right before Y within one block (kQuoteBlock).
inline constexpr std::string_view kQuoteSpeakerPrefix = "XQSP";
inline constexpr std::string_view kUndatedTerm = "XUNDATED";    // articles with no date
/// XSTORY<16 hex>: the story the article was indexed with, = its kStorySlot value unless the story
/// pass moved it into another story since (kStoryAliasPrefix).
inline constexpr std::string_view kStoryPrefix = "XSTORY";

// ---- Value slots ----------------------------------------------------------------------------
inline constexpr unsigned kDateSlot = 0;       // "YYYYMMDD" (empty when undated)
inline constexpr unsigned kSourceSlot = 2;     // display source name
inline constexpr unsigned kSignatureSlot = 3;  // "<size>:<mtime-ns>:<content hash>" (file_signature.hpp)
/// Every speaker's display name in one value (index/speaker_values.hpp): one ValueCountMatchSpy,
/// which xapian-tcpsrv also knows, counts the speakers facet, also on remote shards.
inline constexpr unsigned kSpeakersSlot = 4;
/// The body's MinHash fingerprint, Fingerprint::pack() (index/fingerprint.hpp); absent for short
/// bodies.
inline constexpr unsigned kFingerprintSlot = 5;
/// The story id, 16 hex digits: FNV-1a of the id of the article that founded its cluster of
/// near-duplicates (index/story_pass.hpp); the article's own id's hash until it is found a copy.
/// Searches collapse on it (Xapian::Enquire::set_collapse_key).
inline constexpr unsigned kStorySlot = 6;
/// The stored article compressed with the index's text dictionary (index/stored_text.hpp), in a
/// value rather than the document data: Xapian zlib-compresses every document data record, and
/// on an already compressed one that costs CPU for nothing (4 % of a Reuters-21578 build);
/// values are stored as they are. Absent when the index has no dictionary: the article is then
/// the document data, as JSON.
inline constexpr unsigned kStoredTextSlot = 7;

// ---- Positions --------------------------------------------------------------------------------
/// Body positions start here so that a phrase never spans the title and the body.
inline constexpr unsigned kBodyFirstPosition = 1000;
/// Title words count this many times in the unprefixed field: title matches rank higher.
inline constexpr unsigned kTitleWdfBoost = 3;

/// Quote i (from 0) owns positions [i * kQuoteBlock + 1, (i + 1) * kQuoteBlock]: its speaker's
/// words (XQSP) at the first, its words (XQ, ZXQ) after them. A word past the block's end gets no
/// position. So a phrase never spans two quotes, and "X right before Y within kQuoteBlock
/// positions" holds only when Y is in a quote of X's.
inline constexpr unsigned kQuoteBlock = 1000;

/// Speaker name words are at positions 1.., the next speaker's kSpeakerPositionGap further on.
inline constexpr unsigned kSpeakerPositionGap = 100;

/// Xapian terms longer than this are not indexed (Xapian's limit is 245 bytes).
inline constexpr std::size_t kMaxTermBytes = 200;

}  // namespace gazette::schema
