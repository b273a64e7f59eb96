# common/feed.mk: (to be filled)
