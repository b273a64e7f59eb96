# common/config.mk: (to be filled)
