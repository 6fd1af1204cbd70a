#!/usr/bin/env bash
# Installs everything Ostoja needs on Debian 12 (as root): compilers and libraries from Debian's
# packages, PostgreSQL 15, Chromium for browser tests, and the front-end tools from npm (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git clang-format
  libboost-dev libsqlite3-dev sqlite3 libpq-dev nlohmann-json3-dev libsodium-dev libicu-dev
  libspdlog-dev libcli11-dev libxlsxwriter-dev libhpdf-dev libjemalloc-dev fonts-dejavu-core poppler-utils unzip
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  postgresql-15 postgresql-client-15 chromium wrk
)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages (run as root to install): ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Vite 8 and playwright-core need Node.js 20.19 or newer (Debian 12's own nodejs package is 18).
node_version=$(node --version 2>/dev/null | sed 's/^v//')
if ! printf '20.19.0\n%s\n' "$node_version" | sort -V -C; then
  echo "Node.js $node_version is too old: the web build (Vite 8) and the browser tests need Node.js >= 20.19." >&2
  echo "Install Node.js 20 LTS or newer (e.g. the NodeSource package), then run this again." >&2
  exit 1
fi

# Front-end dependencies exactly as locked.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
