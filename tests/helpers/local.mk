# tests/helpers/local.mk: (filled as tests are added)
