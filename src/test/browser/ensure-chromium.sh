#!/usr/bin/env bash
# Debian packages the integration tests need, installed by `mvn verify` before them when missing:
# - the browser tests drive Debian's Chromium through its ChromeDriver, with a CJK font for readable screenshots;
# - AlertRulesIT runs promtool (package prometheus) on ops/prometheus/alerts.yml and its unit tests. Without
#   recommends (no node exporter); the package also holds the Prometheus server, which Debian may start as a service
#   on port 9090 (`systemctl disable --now prometheus` if unwanted).
set -euo pipefail
browser=(chromium chromium-driver fonts-wqy-zenhei)
promtool=(--no-install-recommends prometheus)
need_browser=true
need_promtool=true
if command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list 2>/dev/null | grep -i wqy >/dev/null; then
  need_browser=false
fi
if command -v promtool >/dev/null; then
  need_promtool=false
fi
if [ "$need_browser" = false ] && [ "$need_promtool" = false ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo -n); else
  echo "The integration tests need ${browser[*]} and prometheus (for promtool): install them" \
    "(apt-get install ${browser[*]}; apt-get install --no-install-recommends prometheus) and run again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# apt-get install, and once more after apt-get update when the package lists are missing or stale.
install() {
  "${sudo[@]}" apt-get install -y -q "$@" || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q "$@"; }
}
if [ "$need_browser" = true ]; then install "${browser[@]}"; fi
if [ "$need_promtool" = true ]; then install "${promtool[@]}"; fi
