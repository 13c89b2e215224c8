// libzstd, loaded when first needed (dlopen) rather than linked: gazette-search reads a stored
// article only when it prints one, and a search that prints none (a count, facets only, no match)
// should not pay for loading one more library (0.3 ms of a 12 ms search on this machine,
// bench/RESULTS.md). systemd loads its compression libraries the same way.
#pragma once

#define ZDICT_STATIC_LINKING_ONLY  // ZDICT_trainFromBuffer_fastCover: fixed parameters, no search
#include <zdict.h>
#include <zstd.h>

namespace gazette {

/// The zstd functions Gazette uses, resolved from Debian's libzstd.so.1.
struct ZstdLibrary {
    decltype(&ZSTD_createCCtx) createCCtx;
    decltype(&ZSTD_freeCCtx) freeCCtx;
    decltype(&ZSTD_createDCtx) createDCtx;
    decltype(&ZSTD_freeDCtx) freeDCtx;
    decltype(&ZSTD_createCDict) createCDict;
    decltype(&ZSTD_freeCDict) freeCDict;
    decltype(&ZSTD_createDDict) createDDict;
    decltype(&ZSTD_freeDDict) freeDDict;
    decltype(&ZSTD_compressBound) compressBound;
    decltype(&ZSTD_compress_usingCDict) compress_usingCDict;
    decltype(&ZSTD_decompress_usingDDict) decompress_usingDDict;
    decltype(&ZSTD_isError) isError;
    decltype(&ZSTD_getErrorName) getErrorName;
    decltype(&ZSTD_getDictID_fromFrame) getDictID_fromFrame;
    decltype(&ZSTD_getFrameContentSize) getFrameContentSize;
    decltype(&ZDICT_trainFromBuffer_fastCover) trainFromBuffer_fastCover;
    decltype(&ZDICT_isError) dictIsError;
    decltype(&ZDICT_getDictID) getDictID;
};

/// The library, loaded on the first call (thread-safe). Throws std::runtime_error, saying which
/// file or function is missing, when it cannot be loaded.
[[nodiscard]] const ZstdLibrary& zstd();

}  // namespace gazette
