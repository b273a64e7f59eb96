# tests/config.mk: (to be filled)
