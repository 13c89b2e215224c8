// The analyzer the unit tests share: built once (its ICU break iterators and stemmer are costly
// to set up), used by index-building and query-parsing tests alike.
#pragma once

#include "analysis/analyzer.hpp"

namespace gazette::test {

inline const Analyzer& analyzer() {
    static const Analyzer instance;
    return instance;
}

}  // namespace gazette::test
