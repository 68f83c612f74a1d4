#!/usr/bin/env bash
# Prints the path of a `promtool` for the metrics tests. Debian ships it only
# inside the `prometheus` package, whose install would also start a Prometheus
# server on port 9090 — unwanted on a developer's machine — so the package is
# downloaded and unpacked into a cache instead of installed. A promtool on
# PATH is used as it is.
set -euo pipefail

if command -v promtool >/dev/null 2>&1 && [ -z "${TW_PROMTOOL_FORCE_FETCH:-}" ]; then
  command -v promtool
  exit 0
fi
cache=${XDG_CACHE_HOME:-$HOME/.cache}/tablewright/promtool
tool="$cache/root/usr/bin/promtool"
if [ ! -x "$tool" ]; then
  mkdir -p "$cache"
  ( cd "$cache" && rm -f prometheus_*.deb && apt-get download -qq prometheus >/dev/null 2>&1 ) || {
    echo "fetch-promtool: apt-get download prometheus failed (run apt-get update?)" >&2
    exit 1
  }
  rm -rf "$cache/root"
  dpkg-deb -x "$cache"/prometheus_*.deb "$cache/root"
  rm -f "$cache"/prometheus_*.deb "$cache/root/usr/bin/prometheus"
fi
"$tool" --version >/dev/null 2>&1 || { echo "fetch-promtool: $tool does not run" >&2; exit 1; }
echo "$tool"
