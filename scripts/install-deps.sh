#!/usr/bin/env bash
# Installs the Debian packages warta builds and tests with. Idempotent: apt is
# only touched when a package is missing, so repeated runs cost a dpkg query.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libicu-dev libre2-dev libboost-program-options-dev
  libgtest-dev libgmock-dev
  libsimdjson-dev nlohmann-json3-dev rapidjson-dev libtomlplusplus-dev
  zlib1g-dev libsqlite3-dev libxml2-dev
  libmimalloc-dev  # the executables' allocator (CMakeLists.txt: WARTA_MIMALLOC)
  python3-distributed  # Dask, for tools/warta_dask.py and its test (Debian's /usr/bin/python3)
  chromium  # headless, for the browser test of warta review's site (tests/review/browser_test.py)
  python3-dev pybind11-dev python3-pybind11  # the Python module (python/), for /usr/bin/python3
  python3-pytest python3-pandas  # its tests (tests/python/); pandas for warta.to_frames
)
# `install-deps.sh fuzz`: clang with libFuzzer and the sanitizer runtimes,
# for scripts/fuzz.sh only (the build and `make test` use gcc).
if [ "${1:-}" = fuzz ]; then
  PACKAGES+=(clang libclang-rt-14-dev llvm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
