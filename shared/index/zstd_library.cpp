// dlopen of libzstd by its soname, each function looked up by name; the prototypes come from
// zstd.h, so a library whose functions changed shape would not compile against it.
#include "index/zstd_library.hpp"

#include <dlfcn.h>

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace gazette {
namespace {

#define GAZETTE_STR2(x) #x
#define GAZETTE_STR(x) GAZETTE_STR2(x)
// The soname of the major version the headers describe: libzstd.so.1.
constexpr const char* kSoname = "libzstd.so." GAZETTE_STR(ZSTD_VERSION_MAJOR);

template <typename F>
void resolve(void* handle, const char* name, F& out) {
    void* symbol = ::dlsym(handle, name);
    if (!symbol) throw std::runtime_error(fmt::format("{}: no function {} (libzstd too old?)", kSoname, name));
    out = reinterpret_cast<F>(symbol);
}

ZstdLibrary load() {
    // RTLD_LOCAL: its symbols stay out of the global namespace; never closed (used to the end).
    void* handle = ::dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw std::runtime_error(fmt::format("cannot load {} (Debian package libzstd1): {}", kSoname, ::dlerror()));
    ZstdLibrary z{};
    resolve(handle, "ZSTD_createCCtx", z.createCCtx);
    resolve(handle, "ZSTD_freeCCtx", z.freeCCtx);
    resolve(handle, "ZSTD_createDCtx", z.createDCtx);
    resolve(handle, "ZSTD_freeDCtx", z.freeDCtx);
    resolve(handle, "ZSTD_createCDict", z.createCDict);
    resolve(handle, "ZSTD_freeCDict", z.freeCDict);
    resolve(handle, "ZSTD_createDDict", z.createDDict);
    resolve(handle, "ZSTD_freeDDict", z.freeDDict);
    resolve(handle, "ZSTD_compressBound", z.compressBound);
    resolve(handle, "ZSTD_compress_usingCDict", z.compress_usingCDict);
    resolve(handle, "ZSTD_decompress_usingDDict", z.decompress_usingDDict);
    resolve(handle, "ZSTD_isError", z.isError);
    resolve(handle, "ZSTD_getErrorName", z.getErrorName);
    resolve(handle, "ZSTD_getDictID_fromFrame", z.getDictID_fromFrame);
    resolve(handle, "ZSTD_getFrameContentSize", z.getFrameContentSize);
    resolve(handle, "ZDICT_trainFromBuffer_fastCover", z.trainFromBuffer_fastCover);
    resolve(handle, "ZDICT_isError", z.dictIsError);
    resolve(handle, "ZDICT_getDictID", z.getDictID);
    return z;
}

}  // namespace

const ZstdLibrary& zstd() {
    static const ZstdLibrary library = load();  // a throw leaves it unset: the next call tries again
    return library;
}

}  // namespace gazette
