#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright; install it when missing (root on these machines).
# Without it the browser tests are skipped with a reason, never silently passed.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: installing Debian's chromium (apt-get)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "ensure-browser: WARNING: could not install chromium; browser tests will be skipped"
else
  echo "ensure-browser: WARNING: /usr/bin/chromium missing and not root; browser tests will be skipped"
fi
exit 0
