# common/db.mk: (to be filled)
