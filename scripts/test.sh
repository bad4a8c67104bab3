#!/usr/bin/env bash
# npm test: type-check, lint (ESLint with the import boundaries), unit tests, production build, the standalone
# server (what the container image runs: scripts/standalone-check.ts), Playwright in Debian's Chromium (installed
# with apt-get first when it is missing and the user may: root with apt-get, as .ci/run does).
# Every stage runs; the exit code is non-zero if any failed, and the failed stages are named at the end.
# JSON reports go to .ci-out/ for .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
mkdir -p .ci-out
rm -f .ci-out/vitest.json .ci-out/playwright.json
failed=()
skipped=()
echo "== type-check"; { npx next typegen >/dev/null && npx tsc --noEmit; } || failed+=("type-check")
echo "== lint"; npx eslint . || failed+=("lint")
echo "== unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.ci-out/vitest.json || failed+=("unit tests")
echo "== production build"
if npx next build; then
  echo "== standalone server (node .next/standalone/server.js)"
  npx tsx scripts/standalone-check.ts || failed+=("standalone server")
  echo "== browser tests (Chromium)"
  # Debian's Chromium: found, or installed with apt-get when missing and allowed (scripts/support/ensure-chromium.sh says which, in one line).
  chromium_rc=0
  browser=$(bash scripts/support/ensure-chromium.sh) || chromium_rc=$?
  if [ "$chromium_rc" -eq 0 ]; then
    CHROMIUM_PATH="$browser" PLAYWRIGHT_JSON_OUTPUT_NAME=.ci-out/playwright.json npx playwright test --reporter=list,json || failed+=("browser tests")
  elif [ "$chromium_rc" -eq 3 ]; then
    skipped+=("browser tests (no Chromium; see the chromium: line above)")
  else
    failed+=("browser tests (Chromium could not be installed)")
  fi
else
  failed+=("production build")
fi
if [ ${#skipped[@]} -gt 0 ]; then
  echo "npm test: SKIPPED: $(IFS=,; echo "${skipped[*]}")"
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "npm test: failed stages: $(IFS=,; echo "${failed[*]}")"
  exit 1
fi
exit 0
