// Shared test helpers: a temporary directory removed on exit, running a binary and capturing its
// stdout, stderr and exit status, and the paths the build passes in.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace gazette::test {

inline const std::filesystem::path kSourceDir = GAZETTE_SOURCE_DIR;
inline const std::filesystem::path kSampleCorpus = kSourceDir / "sample_corpus";
inline const std::string kIndexBin = GAZETTE_INDEX_BIN;
inline const std::string kSearchBin = GAZETTE_SEARCH_BIN;

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("gazette-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

inline void write_file(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

struct RunResult {
    int status = -1;  // exit status, or 128 + signal
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Starts gazette-index with `args` in the background (output discarded) and returns its pid,
/// for tests that signal or kill it part-way.
inline pid_t start_indexer(const std::vector<std::string>& args) {
    pid_t pid = ::fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(kIndexBin.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(kIndexBin.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

/// For run()'s `in_child`: at most `N` open files in the child, its hard limit too (so that the
/// program cannot raise it).
template <rlim_t N>
void at_most_open_files() {
    struct rlimit limit {N, N};
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) ::_exit(126);
}

/// Runs `program args...` (no shell), stdout and stderr captured through temporary files.
/// `in_child`, when given, runs in the child just before exec (to lower a limit, drop a capability).
inline RunResult run(const std::string& program, const std::vector<std::string>& args,
                     void (*in_child)() = nullptr) {
    TempDir io;
    auto out_path = io / "out", err_path = io / "err";
    pid_t pid = ::fork();
    if (pid == 0) {
        std::FILE* out = std::freopen(out_path.c_str(), "w", stdout);
        std::FILE* err = std::freopen(err_path.c_str(), "w", stderr);
        if (!out || !err) ::_exit(127);
        if (in_child) in_child();
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    RunResult r;
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace gazette::test
