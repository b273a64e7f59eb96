#!/bin/sh
# autogen.sh: regenerates the autotools build files (configure, Makefile.in).
set -e
cd "$(dirname "$0")"
mkdir -p build-aux m4
# The TAP driver ships with automake; the test suite reports in TAP.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
autoreconf --install --force >/dev/null 2>&1 || autoreconf --install --force
echo "autogen.sh: done; next: mkdir -p build && cd build && ../configure && make"
