# tests/extract-eval.mk: the extractor's evaluation corpus (tests/fixtures/eval)
# and its scorer. eval.sh checks the gold records and the scorer, then scores
# `mouwatch extract` over the corpus and prints the figures as TAP comments.
#   tests/extract-eval/score [DIR] --mouwatch build/daemon/mouwatch [-v|--json]
TESTS += tests/extract-eval/eval.sh
EXTRA_DIST += tests/extract-eval
