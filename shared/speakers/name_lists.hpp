// The word lists behind the name rules, all lower case: titles and roles, nationalities, places,
// organisations, media, generic subjects ("officials"), function words, days, months, name
// suffixes and particles, the titles that only a person bears and the endings of company names.
// One lookup gives every class a word belongs to.
#pragma once

#include <string_view>

namespace gazette::speakers {

enum WordClass : unsigned {
    kClassRole = 1U << 0,          // titles and roles: president, spokesman, mr.
    kClassDemonym = 1U << 1,       // russian, american
    kClassPlace = 1U << 2,         // countries, cities, regions, directions
    kClassOrganisation = 1U << 3,  // kremlin, ministry, committee
    kClassMedia = 1U << 4,         // bloomberg, reuters, tv
    kClassGeneric = 1U << 5,       // officials, analysts, statement
    kClassFunction = 1U << 6,      // the, however, according
    kClassDay = 1U << 7,           // monday
    kClassMonth = 1U << 8,         // may (also a surname: soft)
    kClassSuffix = 1U << 9,        // jr., sr., iii
    kClassTitle = 1U << 10,        // titles only a person has: mr., minister, spokesman, analyst
    kClassCompany = 1U << 11,      // company-name endings: corp, inc, co, plc, ag, holdings, bank
};

// Classes a name may not contain at all (places, months and roles are "soft": "George
// Washington", "Theresa May" are names; they are only stripped in front of one).
constexpr unsigned kHardClasses =
    kClassOrganisation | kClassMedia | kClassGeneric | kClassFunction | kClassDay;

/// Every class of a lower-cased word (0 when it is in no list).
[[nodiscard]] unsigned word_classes(std::string_view folded);
/// von, van, der, de, da, del, la, le, bin, ibn, al, ... (exact, lower case).
[[nodiscard]] bool is_particle_word(std::string_view word);
/// "mo", "calif", "pa": a US state's abbreviation, which the article writes with a period
/// ("Jefferson City, Mo."); without one it is a first name ("Mo Ibrahim").
[[nodiscard]] bool is_state_abbreviation(std::string_view folded);
/// "al-Assad", "bin-Salman": a lower-case Arabic prefix and a capitalised name.
[[nodiscard]] bool has_hyphen_prefix(std::string_view word);
/// A noun that describes a company, a medium or a body ("daily", "brokers", "company", "house"):
/// the name after it ("the weekly Der Spiegel") or an apposition holding it names a thing.
[[nodiscard]] bool is_thing_noun(std::string_view folded);
/// A title of seven letters or more with one typing slip: a letter dropped, changed or swapped
/// with its neighbour, never the first ("secertary", "represenative", "minster").
[[nodiscard]] bool is_misspelled_title(std::string_view folded);
/// A lower-cased word that reads as a plural common noun used as a subject ("traders",
/// "defenders", "analysts"): in the generic list, or ending like one (-ers, -ists, -ants, ...).
[[nodiscard]] bool looks_like_plural_noun(std::string_view folded);

}  // namespace gazette::speakers
