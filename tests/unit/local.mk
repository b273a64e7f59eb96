# tests/unit/local.mk: (filled as tests are added)
