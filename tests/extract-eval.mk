# tests/extract-eval.mk: (to be filled)
