// One stored article by what a user has in hand (gazette-search --show): its id as --json prints
// it ("<label>/<relative path>[#record]"), or the path of its file as the terminal output prints
// it (resolved through the directory each source label records).
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "model/article.hpp"

namespace gazette {

/// The article with id `key`, else the one whose file is the path `key` (a file holding several
/// articles, a JSON Lines file, needs the id with its #record). Nothing when neither is indexed.
[[nodiscard]] std::optional<Article> find_article(const Xapian::Database& db, const std::string& key);

}  // namespace gazette
