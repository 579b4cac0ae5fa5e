#!/usr/bin/env bash
# Installs what a fresh Debian bookworm machine lacks to build and test Etalase.
# Idempotent: every step checks first, so a second run costs a few seconds.
# Sources: Debian's packages and the npm registry only.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

pkgs=(emscripten binaryen libstb-dev doctest-dev libicu-dev icu-devtools libsdl2-dev
      dpkg-dev cmake chromium fonts-dejavu-core nlohmann-json3-dev clang lld
      libclang-rt-14-dev ninja-build curl fonts-noto-color-emoji fonts-thai-tlwg)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
sudo_cmd=""
[ "$(id -u)" = 0 ] || sudo_cmd="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# deb-src entries, needed only to fetch the ICU and SDL2 sources for the wasm builds.
src_list=/etc/apt/sources.list.d/etalase-src.sources
if [ ! -f "$src_list" ]; then
  uri=$(grep -rhoE '^URIs: *http[^ ]*debian/?$' /etc/apt/sources.list.d/ 2>/dev/null | head -n1 | awk '{print $2}')
  suri=$(grep -rhoE '^URIs: *http[^ ]*debian-security/?$' /etc/apt/sources.list.d/ 2>/dev/null | head -n1 | awk '{print $2}')
  uri=${uri:-http://deb.debian.org/debian}
  suri=${suri:-http://deb.debian.org/debian-security}
  $sudo_cmd tee "$src_list" >/dev/null <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: $suri
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  $sudo_cmd apt-get update -qq
fi

# npm: the browser driver (never a downloaded browser), a WebSocket server for feed tests, a
# JSON Schema validator for the show format test and the benchmark's reference filter.
missing_npm=$(cd "$here" && node -e 'const p = require("./package.json"); const fs = require("fs");
  console.log(Object.keys(p.devDependencies).filter((n) => !fs.existsSync("node_modules/" + n)).join(" "))')
if [ -n "$missing_npm" ]; then
  echo "setup: npm ci"
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
