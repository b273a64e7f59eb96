# tests/feed.mk: tests of the feed reader (fixtures, limits, unit tests of
# the date and text code) and the `make fuzz` rule.
TESTS += tests/integration/feed_fixtures.sh tests/integration/feed_limits.sh
EXTRA_DIST += tests/integration/feed_fixtures.sh tests/integration/feed_limits.sh
