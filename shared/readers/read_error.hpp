// The error every reader throws for an article it cannot use; the indexer reports it as
// "path: reason", skips the file and goes on.
#pragma once

#include <stdexcept>

namespace gazette {

class ReadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace gazette
