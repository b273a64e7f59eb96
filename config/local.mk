# config/local.mk: shipped example and demo configuration.
EXTRA_DIST += config
