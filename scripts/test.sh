#!/usr/bin/env bash
# The README's second command (and CI's): set up, build with warnings as errors, run every test.
# Then the sanitizer stage: the same tests again in build-asan (clang++, AddressSanitizer + UBSan,
# every report fatal), and every fuzz corpus replayed once through its libFuzzer target (built in
# the same directory, see fuzz/README.md). GAZETTE_SANITIZER_STAGE=0 skips that stage.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh -DGAZETTE_BUILD_TESTS=ON -DGAZETTE_WERROR=ON
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 300)

echo "test.sh: main stage took ${SECONDS}s"
[ "${GAZETTE_SANITIZER_STAGE:-1}" != 0 ] || exit 0
echo "test.sh: sanitizer stage (build-asan: address,undefined; fuzz corpora replay)"
stage_start=$SECONDS
if ! command -v clang++-14 >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed"; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev
fi
# -O1 -g1: quicker to build than -O2 -g, and line tables are all a stack trace needs.
cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
      -DGAZETTE_SANITIZE=address,undefined -DGAZETTE_WERROR=ON \
      -DGAZETTE_BUILD_TESTS=ON -DGAZETTE_BUILD_FUZZERS=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# new_delete_type_mismatch=0: Xapian 1.4's own Database::check (gazette-index --check) frees a
# 440-byte object of its own as a 432-byte one inside libxapian; nothing of ours allocates with
# new (no raw new, by style), so the check would only ever report that library bug.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:new_delete_type_mismatch=0 \
       UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
(cd build-asan && ctest --output-on-failure -j2 --timeout 600)
fuzz/replay.sh build-asan
echo "test.sh: sanitizer stage took $((SECONDS - stage_start))s"
