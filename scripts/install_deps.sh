#!/usr/bin/env bash
# Installs the Debian 12 packages Whisk needs to build and test. Run as root.
# Idempotent: checks each package with dpkg-query and installs only what is missing;
# `apt-get update` runs only when something is missing. Silent when all is in place.
set -euo pipefail

PACKAGES=(
  build-essential g++ cmake ninja-build ccache
  libtbb-dev libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev pybind11-dev python3-dev python3-numpy python3-pytest
  libzstd-dev
  libosd-dev
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install_deps.sh: missing packages: ${missing[*]}" >&2
  echo "install_deps.sh: run as root (or install them with apt-get) and retry" >&2
  exit 1
fi

echo "install_deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq </dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
