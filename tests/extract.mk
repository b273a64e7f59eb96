# tests/extract.mk: (to be filled)
