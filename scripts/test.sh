#!/usr/bin/env bash
# npm test: type-check, unit tests, production build, Playwright in Debian's Chromium.
# Every stage runs; the exit code is non-zero if any failed. JSON reports go to .ci-out/ for .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
mkdir -p .ci-out
rm -f .ci-out/vitest.json .ci-out/playwright.json
status=0
echo "== type-check"; npx next typegen >/dev/null && npx tsc --noEmit || status=1
echo "== unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.ci-out/vitest.json || status=1
echo "== production build"
if npx next build; then
  echo "== browser tests (Chromium)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=.ci-out/playwright.json npx playwright test --reporter=list,json || status=1
else
  status=1
fi
exit $status
