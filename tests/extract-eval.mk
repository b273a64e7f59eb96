# tests/extract-eval.mk: the extractor's evaluation corpus (tests/fixtures/eval)
# and its scorer. eval.sh checks the gold records and the scorer, then scores
# `mouwatch extract` over the corpus and prints the figures as TAP comments.
#   tests/extract-eval/score [DIR] --mouwatch build/daemon/mouwatch [-v|--json]
TESTS += tests/extract-eval/eval.sh tests/extract-eval/real.sh
EXTRA_DIST += tests/extract-eval
# The third held-out set, scored by eval.sh against HOLDOUT3_FLOOR (tests/fixtures
# is shipped whole by tests/local.mk; listed here so the set is not forgotten).
EXTRA_DIST += tests/fixtures/eval-holdout3
# The fourth, blind held-out set (shared gold format), per-field floors in eval.sh.
EXTRA_DIST += tests/fixtures/eval-holdout4
