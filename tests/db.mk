# tests/db.mk: (to be filled)
