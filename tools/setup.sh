#!/usr/bin/env bash
# Installs what the project needs, idempotently: quick when all is there.
#   tools/setup.sh build    wasm32 target, wasm-bindgen CLI (pinned)
#   tools/setup.sh browser  Chromium + chromedriver, npm dependencies
#   tools/setup.sh npm      npm dependencies only (binaryen's wasm-opt among them)
#   tools/setup.sh miri     the nightly toolchain's Miri component
#   tools/setup.sh fuzz     nightly and cargo-fuzz
# Chromium is found through CHROME / CHROMEDRIVER (default /usr/bin/...). On
# Debian as root, missing system packages are installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31msetup:\033[0m %s\n' "$*" >&2; exit 1; }

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

setup_build() {
  command -v rustup >/dev/null || fail "rustup is missing: install it from https://rustup.rs"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  # The CLI must be exactly the version of the wasm-bindgen crate we pin.
  local want have
  want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
  [ -n "$want" ] || fail "no pinned wasm-bindgen version (wasm-bindgen = \"=X\") in Cargo.toml"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (was: ${have:-none}); this takes a few minutes"
    # No --locked: the registry mirror lacks one of its pinned dependencies.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  # wasm-opt comes from npm (binaryen, pinned in package.json): see `setup_npm`.
}

setup_browser() {
  local chrome=${CHROME:-/usr/bin/chromium} driver=${CHROMEDRIVER:-/usr/bin/chromedriver}
  if [ ! -x "$chrome" ] || [ ! -x "$driver" ]; then
    if can_apt && [ "$chrome" = /usr/bin/chromium ] && [ "$driver" = /usr/bin/chromedriver ]; then
      apt_install chromium chromium-driver
    fi
  fi
  [ -x "$chrome" ] || fail "no Chromium at $chrome: install Chromium or Chrome and set CHROME=/path/to/it"
  [ -x "$driver" ] || fail "no chromedriver at $driver: install the chromedriver matching your browser and set CHROMEDRIVER=/path/to/it"

  # wasm-bindgen-test-runner reads the browser's options from webdriver.json
  # in the crate it tests.
  cat > crates/runtime/webdriver.json <<JSON
{ "goog:chromeOptions": { "binary": "$chrome", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] } }
JSON

  setup_npm
}

setup_npm() {
  command -v node >/dev/null || fail "Node.js 20 or newer is missing: https://nodejs.org"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || fail "Node.js $major is too old: 20 or newer is needed"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dependencies"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

setup_miri() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (for Miri)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! rustup component list --toolchain nightly --installed | grep -q '^miri'; then
    say "adding Miri to nightly"
    rustup component add miri rust-src --toolchain nightly
  fi
}

setup_fuzz() {
  setup_miri # the nightly toolchain
  if ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz"
    cargo install cargo-fuzz
  fi
}

case "${1:-all}" in
  build) setup_build ;;
  browser) setup_browser ;;
  npm) setup_npm ;;
  miri) setup_miri ;;
  fuzz) setup_fuzz ;;
  all) setup_build; setup_browser ;;
  *) fail "usage: tools/setup.sh [build|browser|npm|miri|fuzz|all]" ;;
esac
