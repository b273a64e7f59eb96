# tests/bench.mk: a smoke test of `make bench`'s drivers on tiny inputs, so
# they do not rot. No timing is asserted.
TESTS += tests/bench-smoke.sh
EXTRA_DIST += tests/bench-smoke.sh
