#include "index/speaker_values.hpp"

#include <algorithm>

namespace gazette {

std::string pack_speakers(const std::vector<std::string>& names) {
    std::vector<std::string> sorted;
    sorted.reserve(names.size());
    for (std::string name : names) {
        std::replace_if(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
        if (!name.empty()) sorted.push_back(std::move(name));
    }
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::string packed;
    for (const auto& name : sorted) {
        if (!packed.empty()) packed += kSpeakerSeparator;
        packed += name;
    }
    return packed;
}

std::vector<std::string> unpack_speakers(std::string_view packed) {
    std::vector<std::string> names;
    while (!packed.empty()) {
        std::size_t end = packed.find(kSpeakerSeparator);
        names.emplace_back(packed.substr(0, end));
        if (end == std::string_view::npos) break;
        packed.remove_prefix(end + 1);
    }
    return names;
}

}  // namespace gazette
