# tests/integration/local.mk: (filled as tests are added)
TESTS += tests/integration/test_pipeline.sh
TESTS += tests/integration/test_poll_behaviour.sh
TESTS += tests/integration/test_worker.sh
TESTS += tests/integration/test_signals.sh
TESTS += tests/integration/test_feed_flood.sh
TESTS += tests/integration/test_once_readers.sh
