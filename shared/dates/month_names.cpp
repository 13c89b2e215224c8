// One table of (name, month) pairs, looked up after case folding. Abbreviations are the forms
// newspapers print ("Okt.", "janv.", "sept."); a word that is a month in one language and a common
// word in another ("mar", "ago", "set") only counts where text_date finds a day and a year around it.
#include "dates/month_names.hpp"

#include <array>
#include <utility>

namespace gazette {
namespace {

using Entry = std::pair<std::string_view, int>;

constexpr std::array kMonthNames = {
    // English
    Entry{"january", 1}, Entry{"february", 2}, Entry{"march", 3}, Entry{"april", 4},
    Entry{"may", 5}, Entry{"june", 6}, Entry{"july", 7}, Entry{"august", 8},
    Entry{"september", 9}, Entry{"october", 10}, Entry{"november", 11}, Entry{"december", 12},
    Entry{"jan", 1}, Entry{"feb", 2}, Entry{"mar", 3}, Entry{"apr", 4}, Entry{"jun", 6},
    Entry{"jul", 7}, Entry{"aug", 8}, Entry{"sep", 9}, Entry{"sept", 9}, Entry{"oct", 10},
    Entry{"nov", 11}, Entry{"dec", 12},
    // German (Austrian "Jänner", "Feber")
    Entry{"januar", 1}, Entry{"jänner", 1}, Entry{"februar", 2}, Entry{"feber", 2},
    Entry{"märz", 3}, Entry{"mai", 5}, Entry{"juni", 6}, Entry{"juli", 7}, Entry{"oktober", 10},
    Entry{"dezember", 12}, Entry{"jän", 1}, Entry{"mär", 3}, Entry{"mrz", 3}, Entry{"okt", 10},
    Entry{"dez", 12},
    // French
    Entry{"janvier", 1}, Entry{"février", 2}, Entry{"fevrier", 2}, Entry{"mars", 3},
    Entry{"avril", 4}, Entry{"juin", 6}, Entry{"juillet", 7}, Entry{"août", 8}, Entry{"aout", 8},
    Entry{"septembre", 9}, Entry{"octobre", 10}, Entry{"novembre", 11}, Entry{"décembre", 12},
    Entry{"decembre", 12}, Entry{"janv", 1}, Entry{"févr", 2}, Entry{"fév", 2}, Entry{"avr", 4},
    Entry{"juil", 7}, Entry{"déc", 12},
    // Spanish
    Entry{"enero", 1}, Entry{"febrero", 2}, Entry{"marzo", 3}, Entry{"abril", 4}, Entry{"mayo", 5},
    Entry{"junio", 6}, Entry{"julio", 7}, Entry{"agosto", 8}, Entry{"septiembre", 9},
    Entry{"setiembre", 9}, Entry{"octubre", 10}, Entry{"noviembre", 11}, Entry{"diciembre", 12},
    Entry{"ene", 1}, Entry{"abr", 4}, Entry{"ago", 8}, Entry{"dic", 12},
    // Portuguese
    Entry{"janeiro", 1}, Entry{"fevereiro", 2}, Entry{"março", 3}, Entry{"maio", 5},
    Entry{"junho", 6}, Entry{"julho", 7}, Entry{"setembro", 9}, Entry{"outubro", 10},
    Entry{"novembro", 11}, Entry{"dezembro", 12}, Entry{"fev", 2}, Entry{"set", 9},
    Entry{"out", 10},
    // Russian: genitive (as in "15 августа 2016") and nominative
    Entry{"января", 1}, Entry{"февраля", 2}, Entry{"марта", 3}, Entry{"апреля", 4},
    Entry{"мая", 5}, Entry{"июня", 6}, Entry{"июля", 7}, Entry{"августа", 8},
    Entry{"сентября", 9}, Entry{"октября", 10}, Entry{"ноября", 11}, Entry{"декабря", 12},
    Entry{"январь", 1}, Entry{"февраль", 2}, Entry{"март", 3}, Entry{"апрель", 4},
    Entry{"май", 5}, Entry{"июнь", 6}, Entry{"июль", 7}, Entry{"август", 8},
    Entry{"сентябрь", 9}, Entry{"октябрь", 10}, Entry{"ноябрь", 11}, Entry{"декабрь", 12},
    Entry{"янв", 1}, Entry{"фев", 2}, Entry{"мар", 3}, Entry{"апр", 4}, Entry{"авг", 8},
    Entry{"сен", 9}, Entry{"сент", 9}, Entry{"окт", 10}, Entry{"ноя", 11}, Entry{"нояб", 11},
    Entry{"дек", 12},
};

}  // namespace

std::string fold_letter_case(std::string_view word) {
    std::string out(word);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + 32);
        } else if (i + 1 < out.size()) {
            auto next = static_cast<unsigned char>(out[i + 1]);
            if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {  // À..Þ, not ×
                out[i + 1] = static_cast<char>(next + 0x20);
            } else if (c == 0xD0 && next >= 0x90 && next <= 0x9F) {  // А..П -> а..п
                out[i + 1] = static_cast<char>(next + 0x20);
            } else if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) {  // Р..Я -> р..я
                out[i] = static_cast<char>(0xD1);
                out[i + 1] = static_cast<char>(next - 0x20);
            }
            if (c >= 0xC0) ++i;  // skip the continuation byte of a two-byte sequence
        }
    }
    return out;
}

int month_number(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.size() < 3 || word.size() > 20) return 0;
    std::string folded = fold_letter_case(word);
    for (const auto& [name, month] : kMonthNames)
        if (name == folded) return month;
    return 0;
}

}  // namespace gazette
