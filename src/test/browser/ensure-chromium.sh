#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through its ChromeDriver. Run by `mvn verify` before the integration
# tests: installs chromium, chromium-driver and a CJK font (for readable screenshots) when they are missing.
set -euo pipefail
packages=(chromium chromium-driver fonts-wqy-zenhei)
if command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list 2>/dev/null | grep -i wqy >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo -n); else
  echo "The browser tests need ${packages[*]}: install them (apt-get install ${packages[*]}) and run again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get install -y -q "${packages[@]}" || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q "${packages[@]}"; }
