// Errors are recognised by their text, as in disk_errors.cpp: Xapian::Error does not expose errno.
#include "index/open_files.hpp"

#include <dirent.h>
#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <system_error>

namespace gazette {

void raise_open_file_limit() {
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? static_cast<rlim_t>(kMaxOpenFiles)
                                                    : std::min<rlim_t>(limit.rlim_max, kMaxOpenFiles);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur >= wanted) return;
    limit.rlim_cur = wanted;
    (void)::setrlimit(RLIMIT_NOFILE, &limit);
}

std::size_t free_file_descriptors() {
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
    DIR* fds = ::opendir("/proc/self/fd");
    if (!fds) return 0;
    std::size_t open = 0;
    while (const dirent* entry = ::readdir(fds))
        if (entry->d_name[0] != '.') ++open;
    ::closedir(fds);  // counted among the open ones: one to spare
    if (limit.rlim_cur == RLIM_INFINITY) return kMaxOpenFiles;
    return limit.rlim_cur > open ? static_cast<std::size_t>(limit.rlim_cur) - open : 0;
}

bool reports_too_many_open_files(std::string_view error) {
    for (int code : {EMFILE, ENFILE})
        if (error.find(std::generic_category().message(code)) != std::string_view::npos) return true;
    // The English words in any case: Xapian's lock says "too many open files" in its own words
    // (and a C library might translate strerror() even in the C locale).
    constexpr std::string_view words = "too many open files";
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return std::search(error.begin(), error.end(), words.begin(), words.end(),
                       [&](char a, char b) { return lower(a) == b; }) != error.end();
}

}  // namespace gazette
