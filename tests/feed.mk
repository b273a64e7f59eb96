# tests/feed.mk: (to be filled)
