#!/usr/bin/env bash
# Installs what building and testing corroborate needs on a fresh Debian machine, and nothing
# that is already there. Sourced by run-example.sh and test.sh; safe to run again.
set -euo pipefail

need_apt=()
command -v cc >/dev/null 2>&1 || need_apt+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
command -v curl >/dev/null 2>&1 || need_apt+=(curl ca-certificates)
command -v git >/dev/null 2>&1 || need_apt+=(git)
# Extra packages a caller asks for (e.g. test.sh: the browser for the UI tests).
for package in ${EXTRA_APT_PACKAGES:-}; do
  # Node and npm may come from elsewhere than Debian (nodesource): a working command will do.
  case "$package" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm | chromium) command -v "$package" >/dev/null 2>&1 && continue ;;
  esac
  dpkg -s "$package" >/dev/null 2>&1 || need_apt+=("$package")
done

if ((${#need_apt[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need_apt[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "setup: installing the Rust toolchain with rustup" >&2
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
