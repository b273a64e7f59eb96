# tests/integration/local.mk: (filled as tests are added)
