#!/usr/bin/env bash
# The OpenAPI documents are the contract (issue 13): each service's document, written at build time to
# <service>/target/openapi/openapi.yaml (quarkus.smallrye-openapi.store-schema-directory), must pass
# @redocly/cli's recommended rules with 0 errors and 0 warnings. Run after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_VERSION="2.77.0"
tools="${CI_WORK:-$(pwd)/target/ci}/redocly"
if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
  rm -rf "$tools.partial" && mkdir -p "$tools.partial"
  (cd "$tools.partial" && npm install --silent --no-audit --no-fund "@redocly/cli@$REDOCLY_VERSION" >/dev/null)
  rm -rf "$tools" && mv "$tools.partial" "$tools"
fi
failed=0
for service in ingest-service catalog-service search-service; do
  doc="$service/target/openapi/openapi.yaml"
  if [ ! -f "$doc" ]; then
    echo "openapi-lint: $doc is missing (build the service first)" >&2; failed=1; continue
  fi
  totals=$("$tools/node_modules/.bin/redocly" lint --extends=recommended --format=json "$doc" 2>/dev/null | jq -c '.totals') || true
  if [ "$totals" = '{"errors":0,"warnings":0,"ignored":0}' ]; then
    echo "openapi-lint: $service: 0 errors, 0 warnings"
  else
    echo "openapi-lint: $service: ${totals:-lint failed}"
    "$tools/node_modules/.bin/redocly" lint --extends=recommended "$doc" 2>&1 | tail -n 40
    failed=1
  fi
done
exit $failed
