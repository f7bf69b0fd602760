# The futures playground. `just serve` to see it, `just test` to check it.
set shell := ["bash", "-euo", "pipefail", "-c"]

export CHROME := env("CHROME", "/usr/bin/chromium")
export CHROMEDRIVER := env("CHROMEDRIVER", "/usr/bin/chromedriver")
export FIREFOX := env("FIREFOX", "/usr/bin/firefox-esr")
export GECKODRIVER := env("GECKODRIVER", env("HOME", "/root") + "/.cargo/bin/geckodriver")
export WEBKIT_WEBDRIVER := env("WEBKIT_WEBDRIVER", "/usr/bin/WebKitWebDriver")
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := "wasm-bindgen-test-runner"
export PROPTEST_CASES := env("PROPTEST_CASES", "10000")

wasm := "target/wasm32-unknown-unknown/release/playground.wasm"
# One wasm-opt for every pass: binaryen from npm, pinned in package.json, so
# the output does not depend on the system's binaryen. It runs once, after
# wasm-bindgen (on the module wasm-bindgen wrote, glue included; a pass before
# wasm-bindgen saved 640 bytes gzipped, measured 2026-11-29). The features
# rustc's output uses are named explicitly.
wasm_opt := "node node_modules/binaryen/bin/wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types"

# List the recipes
default:
    @just --list

# Install everything the other recipes need (idempotent)
setup:
    tools/setup.sh all

# Build the page's three wasm modules into web/pkg (size-tuned, wasm-bindgen, then
# wasm-opt -Oz), and the code editor beside them: `playground`, what the first
# run needs (feature `page`), `playground_text`, the parser and what else
# reads a program's text (feature `text`), loaded with the editor, and
# `playground_spawn_local`, the lane "Rust on spawn_local" (feature
# `spawn-local`), loaded into a realm of its own when the comparison is on
wasm: editor
    tools/setup.sh build
    tools/setup.sh npm
    just wasm-module page playground
    just wasm-module text playground_text
    just wasm-module spawn-local playground_spawn_local

# One of the page's wasm modules: the playground crate with one feature
[private]
wasm-module feature name:
    cargo build -p playground --release --target wasm32-unknown-unknown --no-default-features --features {{feature}}
    # The reset function lets the page re-instantiate the module after a trap.
    wasm-bindgen --target web --experimental-reset-state-function --remove-name-section --remove-producers-section --out-dir web/pkg --out-name {{name}} {{wasm}}
    {{wasm_opt}} --merge-similar-functions -Oz --converge web/pkg/{{name}}_bg.wasm -o web/pkg/{{name}}_bg.wasm
    @echo "{{name}}: $(wc -c < web/pkg/{{name}}_bg.wasm) bytes, $(gzip -9c web/pkg/{{name}}_bg.wasm | wc -c) gzipped"

# The code editor (CodeMirror 6, web/editor/) as one module, web/pkg/editor.js,
# which the page loads after its first run; and the GIF encoder (gifenc),
# web/pkg/gif.js, which it loads to export a replay as a GIF
editor:
    tools/setup.sh npm
    node tools/build-editor.mjs
    node tools/build-gif.mjs
    @echo "editor: $(wc -c < web/pkg/editor.js) bytes, $(gzip -9c web/pkg/editor.js | wc -c) gzipped"

# The production site in dist/: hashed, minified assets for any static host
build: wasm
    tools/setup.sh npm
    node tools/build-dist.mjs

# Build, then serve web/ at http://127.0.0.1:8080/ (PORT overrides)
serve: wasm
    node tools/serve.mjs web

# Serve the production build in dist/ instead
serve-dist: build
    node tools/serve.mjs dist

# Every test: native (with property tests), in-browser, end to end, and
# every benchmark once at a tiny size
test: build test-native test-server test-replay test-docs test-browser test-e2e test-engines test-bench

# Each benchmark once, tiny: all tasks complete, all sleeps fire, no errors
test-bench: bench-wasm
    tools/setup.sh browser
    node tools/bench.mjs --quick

# The runtime and playground on the virtual clock, plus doctests; nightly
# first, so the state-machine test can check its variants with rustc's
# -Zprint-type-sizes (without nightly that test is skipped)
test-native:
    tools/setup.sh miri
    cargo test --workspace

# The dev server against hostile requests (no browser)
test-server:
    tools/setup.sh npm
    node --test tests/server/

# The page's replay model (web/replay/) in plain Node, no browser: each
# position's snapshot over golden and hand-made traces
test-replay:
    node --test tests/replay/

# The README's and docs/' relative links name committed files
test-docs:
    node --test tests/docs/

# The runtime on BrowserHost in headless Chromium and Firefox, in a page and
# in a worker, and the spawn_local lane's prelude and records in a page
# and numbers as the page prints and reads them, against the native code
# (wasm-bindgen-test; the runner picks the browser by its driver)
test-browser:
    tools/setup.sh engines
    env -u GECKODRIVER cargo test -p runtime --target wasm32-unknown-unknown --test browser --test worker
    env -u CHROMEDRIVER cargo test -p runtime --target wasm32-unknown-unknown --test browser --test worker
    env -u GECKODRIVER cargo test -p spawn-local-lane --target wasm32-unknown-unknown --test browser
    env -u CHROMEDRIVER cargo test -p spawn-local-lane --target wasm32-unknown-unknown --test browser
    env -u GECKODRIVER cargo test -p playground --target wasm32-unknown-unknown --test numbers_in_browser
    env -u CHROMEDRIVER cargo test -p playground --target wasm32-unknown-unknown --test numbers_in_browser

# The page in Firefox and WebKit (W3C WebDriver; WebKit's MiniBrowser under
# xvfb-run): first page, golden traces, a real run, the JS panels, the replay
# stepped by keyboard, a keyboard
# edit; a screenshot of each in tests/artifacts/ (ENGINES=webkit: one engine)
test-engines:
    tools/setup.sh engines
    MINIBROWSER="${MINIBROWSER:-$(ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser | head -n 1)}" xvfb-run -a node --test --test-concurrency=1 tests/engines/

# The page in headless Chromium (Playwright Test; a failure keeps its trace and
# screenshot under target/playwright/, the HTML report too). dist/ must be
# built: `just test` builds it first.
test-e2e:
    tools/setup.sh browser
    npx playwright test

# The README's pictures (docs/pictures/), from fixed links in Chromium; review
# the diff as for golden files before committing
screenshots: wasm
    tools/setup.sh browser
    node tools/screenshots.mjs

# Rewrite tests/golden/ from the current code, on purpose (then review the diff)
golden: wasm
    tools/setup.sh browser
    UPDATE_GOLDEN=1 npx playwright test tests/e2e/playground-api.spec.mjs
    git diff --stat tests/golden/

# The benchmark page's wasm (bench/pkg)
bench-wasm:
    tools/setup.sh build
    tools/setup.sh npm
    cargo build -p bench --profile measure --target wasm32-unknown-unknown
    wasm-bindgen --target web --no-typescript --out-dir bench/pkg --out-name bench target/wasm32-unknown-unknown/measure/bench.wasm
    {{wasm_opt}} -O3 bench/pkg/bench_bg.wasm -o bench/pkg/bench_bg.wasm

# Benchmarks against spawn_local + gloo-timers and plain JS (docs/benchmarks.md)
bench: build bench-wasm
    tools/setup.sh browser
    node tools/bench.mjs

# Instruction counts of the executor and reactor on the virtual clock
# (valgrind's callgrind: repeatable, whatever else the machine is doing)
bench-native:
    cargo build --profile measure -p runtime --examples
    cargo build --profile measure -p bench --examples
    @for run in "polls" "spawns" "timers" "timers --traced"; do \
        set -- $run; \
        valgrind --tool=callgrind --callgrind-out-file=/dev/null target/measure/examples/$1 ${2:-} 2>&1 \
        | sed -n "s/.*Collected : \([0-9]*\)/ours, $run: \1 instructions/p"; \
    done
    @for run in "polls" "spawns"; do \
        valgrind --tool=callgrind --callgrind-out-file=/dev/null target/measure/examples/peer_executor $run 2>&1 \
        | sed -n "s/.*Collected : \([0-9]*\)/wasm-bindgen-futures' design, $run: \1 instructions/p"; \
    done

# The runtime's native tests under Miri (undefined behaviour, leaks, waker
# misuse); the property test runs a few cases, Miri is ~1000× slower
miri:
    tools/setup.sh miri
    PROPTEST_CASES=${MIRI_PROPTEST_CASES:-4} MIRIFLAGS="-Zmiri-strict-provenance -Zmiri-disable-isolation" \
        cargo +nightly miri test -p runtime --lib --tests

# Fuzz the fragment decoder, the validator, the Rust panel parser and the
# executor/reactor schedule for FUZZ_SECONDS each (default 60)
fuzz:
    tools/setup.sh fuzz
    @for target in fragment validate parse schedule; do \
        echo "== $target"; \
        cargo +nightly fuzz run $target -- -max_total_time=${FUZZ_SECONDS:-60} 2>&1 | grep -E "DONE|Done|ERROR|panicked|SUMMARY"; \
        test ${PIPESTATUS[0]} -eq 0 || exit 1; \
    done

# A short fuzzing smoke run (CI)
fuzz-smoke:
    FUZZ_SECONDS=10 just fuzz

# rustfmt, clippy (native and wasm32) with warnings as errors, ESLint, and
# tsc type-checking web/ against wasm-bindgen's declarations (hence `wasm`)
lint: wasm
    tools/setup.sh all
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings
    cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
    cargo clippy -p playground --target wasm32-unknown-unknown --no-default-features --features page -- -D warnings
    cargo clippy -p playground --target wasm32-unknown-unknown --no-default-features --features text -- -D warnings
    cargo clippy -p playground --target wasm32-unknown-unknown --no-default-features --features spawn-local -- -D warnings
    npx eslint .
    npx tsc -p tsconfig.json

# Format Rust code
fmt:
    cargo fmt --all
