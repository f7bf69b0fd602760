#!/usr/bin/env bash
# Installs what the project needs, idempotently: quick when all is there.
#   tools/setup.sh build    wasm32 target, wasm-bindgen CLI (pinned)
#   tools/setup.sh browser  Chromium + chromedriver, npm dependencies
#   tools/setup.sh npm      npm dependencies only (binaryen's wasm-opt among them)
#   tools/setup.sh miri     the nightly toolchain's Miri component
#   tools/setup.sh fuzz     nightly and cargo-fuzz
#   tools/setup.sh engines  Firefox + geckodriver, WebKit's WebDriver and
#                           MiniBrowser, Xvfb (FIREFOX, GECKODRIVER,
#                           WEBKIT_WEBDRIVER, MINIBROWSER point at others)
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
  # in the crate it tests (each driver reads its own key).
  cat > crates/runtime/webdriver.json <<JSON
{ "goog:chromeOptions": { "binary": "$chrome", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] },
  "moz:firefoxOptions": { "binary": "${FIREFOX:-/usr/bin/firefox-esr}", "args": ["-headless"] } }
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

# The geckodriver `just test-browser` and `just test-engines` use.
GECKODRIVER_VERSION=0.37.0

setup_engines() {
  local firefox=${FIREFOX:-/usr/bin/firefox-esr}
  local webkit=${WEBKIT_WEBDRIVER:-/usr/bin/WebKitWebDriver}
  local minibrowser=${MINIBROWSER:-$(ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser 2>/dev/null | head -n 1)}
  local missing=()
  [ -x "$firefox" ] || missing+=(firefox-esr)
  [ -x "$webkit" ] && [ -x "$minibrowser" ] || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  if [ ${#missing[@]} -gt 0 ] && can_apt; then
    apt_install "${missing[@]}"
    minibrowser=${MINIBROWSER:-$(ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser 2>/dev/null | head -n 1)}
  fi
  [ -x "$firefox" ] || fail "no Firefox at $firefox: install it and set FIREFOX=/path/to/firefox"
  [ -x "$webkit" ] || fail "no WebKitWebDriver at $webkit: install WebKitGTK's driver (or set WEBKIT_WEBDRIVER; on macOS, safaridriver)"
  [ -x "$minibrowser" ] || fail "no MiniBrowser found: set MINIBROWSER=/path/to/MiniBrowser"
  command -v xvfb-run >/dev/null || fail "xvfb-run is missing (WebKit's MiniBrowser needs a display)"
  # Ours is installed with cargo, pinned; one elsewhere is the user's to keep.
  local ours=$HOME/.cargo/bin/geckodriver gecko=${GECKODRIVER:-$HOME/.cargo/bin/geckodriver}
  if [ "$gecko" = "$ours" ]; then
    if ! "$gecko" --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
      say "installing geckodriver $GECKODRIVER_VERSION (a few minutes)"
      cargo install geckodriver --version "$GECKODRIVER_VERSION"
    fi
  elif [ ! -x "$gecko" ]; then
    fail "no geckodriver at $gecko: install it, or unset GECKODRIVER to have it installed"
  fi
  setup_browser # npm dependencies, and webdriver.json with Firefox's options
}

case "${1:-all}" in
  build) setup_build ;;
  browser) setup_browser ;;
  npm) setup_npm ;;
  miri) setup_miri ;;
  fuzz) setup_fuzz ;;
  engines) setup_engines ;;
  all) setup_build; setup_browser ;;
  *) fail "usage: tools/setup.sh [build|browser|npm|miri|fuzz|engines|all]" ;;
esac
