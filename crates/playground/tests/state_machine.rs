//! The state machine the page shows for the Rust panel's `async fn run()`
//! (`playground::state_machine`): one variant per suspension point for every
//! preset and 200 random programs; the fields and sizes of the presets; and,
//! where a nightly toolchain is installed, all of it checked against what
//! rustc itself reports (`-Zprint-type-sizes`).
//!
//! `src/preset_panels.rs` (every preset's panel compiled into the crate, for
//! its size) is written by this test: it fails when the file is not what the
//! renderer writes today; `UPDATE_PANELS=1 cargo test -p playground --test
//! state_machine` rewrites it (then review the diff).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use playground::compiled;
use playground::presets;
use playground::scenario::Step;
use playground::state_machine::{self, StateMachine, Variant, ASYNC_BLOCK, JOIN, SELECT};

mod common;
use common::{corpus, panel, panel_code, up_to_date};

const PRESET_PANELS: &str = "src/preset_panels.rs";

fn preset_panels_source() -> String {
    let mut out = String::from(
        "// Written by tests/state_machine.rs (UPDATE_PANELS=1): every preset's Rust\n\
         // panel compiled, and the size of its run()'s future as rustc lays it out\n\
         // (made, never polled). The Rust lane runs these (src/compiled.rs): a\n\
         // preset's program, or any with its shape, runs the panel's code line for\n\
         // line, each sleep, log and block reading its value from the scenario\n\
         // (`crate::compiled::sleep::<0>()` is the panel's first leaf). The special\n\
         // presets' panels are as the page shows them (their lane runs\n\
         // src/special.rs; tests/compiled_panels.rs runs these `case()`s).\n\
         // Interop's (wasm32 only: it awaits a JS Promise) is written without its\n\
         // `inline_js`, so the page needs no JS snippet; the future's type does\n\
         // not depend on where the JS function comes from.\n\n",
    );
    let mut table = String::new();
    let mut programs = String::new();
    let mut cases = String::new();
    for preset in presets::PRESETS {
        let name = preset.id.replace('-', "_");
        let step = (preset.scenario)();
        let mut text = match preset.special {
            Some(_) => panel(Some(preset.id), &step),
            None => compiled::source(&step),
        };
        let wasm_only = text.contains("wasm_bindgen");
        if wasm_only {
            out.push_str("#[cfg(target_arch = \"wasm32\")]\n");
            table.push_str("        #[cfg(target_arch = \"wasm32\")]\n");
            cases.push_str("    #[cfg(target_arch = \"wasm32\")]\n");
            text = text
                .lines()
                .map(|l| {
                    if l.starts_with("#[wasm_bindgen(inline_js") {
                        "#[wasm_bindgen]"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            text.push('\n');
        }
        out.push_str(&format!("pub mod {name} {{\n{text}\n"));
        out.push_str("pub fn size() -> usize {\n    std::mem::size_of_val(&run())\n}\n\n");
        match preset.special {
            Some(_) => {
                out.push_str(
                    "pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {\n    Box::pin(run())\n}\n}\n\n",
                );
                cases.push_str(&format!("    (\"{name}\", {name}::case),\n"));
            }
            None => {
                out.push_str(
                    "pub fn program() -> impl std::future::Future<Output = ()> {\n    run()\n}\n}\n\n",
                );
                programs.push_str(&format!(
                    "        \"{}\" => spawner.spawn({name}::program()),\n",
                    preset.id
                ));
            }
        }
        table.push_str(&format!(
            "        \"{}\" => Some({name}::size()),\n",
            preset.id
        ));
    }
    out.push_str(&format!(
        "/// `size_of_val(&run())` for a preset's panel, by preset id.\n\
         pub fn size_of_run(id: &str) -> Option<usize> {{\n    match id {{\n{table}        _ => None,\n    }}\n}}\n\n\
         /// Spawns the compiled `run()` of preset `id` (not a special one) through\n\
         /// `spawner`; gives `spawner` back if there is none.\n\
         pub fn spawn<S: crate::lane::Spawner>(id: &str, spawner: S) -> Result<(), S> {{\n    match id {{\n{programs}        _ => return Err(spawner),\n    }}\n    Ok(())\n}}\n\n\
         /// The special presets' `run()`, by module name, to run.\n\
         pub const CASES: &[(&str, fn() -> runtime::macros::BoxedFuture<'static, ()>)] = &[\n{cases}];\n"
    ));
    out
}

#[test]
fn the_compiled_preset_panels_are_the_panels_the_page_shows() {
    up_to_date(PRESET_PANELS, &preset_panels_source(), "state_machine");
}

/// The machine as the page shows it: `Name { field: Type, … }` per variant.
fn shown(machine: &StateMachine) -> Vec<String> {
    machine.variants.iter().map(written).collect()
}

fn written(v: &Variant) -> String {
    if v.fields.is_empty() {
        return v.name.clone();
    }
    let fields: Vec<String> = v
        .fields
        .iter()
        .map(|f| format!("{}: {}", f.name, f.ty))
        .collect();
    format!("{} {{ {} }}", v.name, fields.join(", "))
}

fn preset(id: &str) -> StateMachine {
    let step = (presets::find(id).unwrap().scenario)();
    state_machine::of(&step, Some(id))
}

#[test]
fn one_variant_per_suspension_point_for_every_preset_and_200_random_programs() {
    let mut cases: Vec<(String, Option<&str>, Step)> = corpus();
    let interop = (presets::find("interop").unwrap().scenario)();
    cases.push(("interop".into(), Some("interop"), interop));
    for (name, preset, step) in cases {
        let code = panel_code(preset, &step);
        let points = code.suspension_points();
        let machine = state_machine::of(&step, preset);
        let names: Vec<&str> = machine.variants.iter().map(|v| v.name.as_str()).collect();
        let mut want = vec!["Unresumed".to_string()];
        want.extend((0..points.len()).map(|k| format!("Suspend{k}")));
        want.extend(["Returned".into(), "Panicked".into()]);
        assert_eq!(names, want, "{name}:\n{}", code.text(4));
        // Each Suspend is at its point's line, awaits one future, and its
        // other fields are distinct `let`s of run().
        for (v, (_, line)) in machine.variants[1..].iter().zip(&points) {
            assert_eq!(v.line, Some(*line), "{name}: {}", v.name);
            let last = v.fields.last().expect("an awaitee");
            assert_eq!(last.name, "__awaitee", "{name}: {}", v.name);
            let mut fields: Vec<&str> = v.fields.iter().map(|f| f.name.as_str()).collect();
            fields.dedup();
            assert_eq!(fields.len(), v.fields.len(), "{name}: {}", v.name);
        }
    }
}

#[test]
fn the_presets_variants_and_fields() {
    let sleep = "__awaitee: Sleep";
    assert_eq!(
        shown(&preset("sequential")),
        [
            "Unresumed".to_string(),
            format!("Suspend0 {{ {sleep} }}"),
            format!("Suspend1 {{ {sleep} }}"),
            format!("Suspend2 {{ {sleep} }}"),
            "Returned".into(),
            "Panicked".into(),
        ]
    );
    assert_eq!(
        shown(&preset("join"))[1],
        format!("Suspend0 {{ __awaitee: {JOIN} }}")
    );
    assert_eq!(
        shown(&preset("race"))[1],
        format!("Suspend0 {{ __awaitee: {SELECT} }}")
    );
    let a = ASYNC_BLOCK;
    assert_eq!(
        shown(&preset("lazy"))[1..4],
        [
            format!("Suspend0 {{ f2: {a}, f3: {a}, __awaitee: {a} }}"),
            format!("Suspend1 {{ f3: {a}, __awaitee: {a} }}"),
            format!("Suspend2 {{ __awaitee: {a} }}"),
        ]
    );
    assert_eq!(
        shown(&preset("early-sleep"))[1..4],
        [
            "Suspend0 { f2: Sleep, f3: Sleep, __awaitee: Sleep }",
            "Suspend1 { f3: Sleep, __awaitee: Sleep }",
            "Suspend2 { __awaitee: Sleep }",
        ]
    );
    assert_eq!(
        shown(&preset("blocking"))[1..3],
        [
            format!("Suspend0 {{ __awaitee: {JOIN} }}"),
            format!("Suspend1 {{ {sleep} }}"),
        ]
    );
    assert_eq!(
        shown(&preset("self-ref"))[1],
        "Suspend0 { s: String, borrowed: &String, __awaitee: Sleep }"
    );
    assert_eq!(
        shown(&preset("lost-wake"))[1],
        "Suspend0 { __awaitee: LostWake }"
    );
    // The promise is moved into JsFuture::from before the await.
    assert_eq!(
        shown(&preset("interop"))[1],
        "Suspend0 { __awaitee: JsFuture }"
    );
    // A log is no suspension point; lines are the panel's.
    let lazy = preset("lazy");
    let lines: Vec<_> = lazy.variants.iter().map(|v| v.line).collect();
    assert_eq!(lines, [None, Some(14), Some(15), Some(16), None, None]);
}

#[test]
fn a_presets_size_is_known_whatever_its_timings_and_another_programs_is_not() {
    // Natively every preset but interop (wasm32 only) is compiled in.
    let compiled = state_machine::compiled_presets();
    assert_eq!(compiled.len(), presets::PRESETS.len() - 1, "{compiled:?}");
    for p in presets::PRESETS.iter().filter(|p| p.id != "interop") {
        let machine = preset(p.id);
        assert_eq!(machine.preset, Some(p.id));
        assert!(machine.size.is_some_and(|s| s > 0), "{}", p.id);
        // Other timings and texts: the same future type.
        let mut step = (p.scenario)();
        for ms in step.timer_ms_mut() {
            *ms += 7;
        }
        let special = p.special.map(|_| p.id);
        assert_eq!(state_machine::of(&step, special).size, machine.size);
        // The lane runs the measured run() itself, but for the special
        // presets (their own async fn, taking the timing as an argument).
        assert_eq!(machine.lane_runs_it, p.special.is_none(), "{}", p.id);
    }
    // The sequential preset's steps without a preset id are its program.
    let sequential = (presets::find("sequential").unwrap().scenario)();
    assert_eq!(
        state_machine::of(&sequential, None).preset,
        Some("sequential")
    );
    // One more timer: not a preset's program, so not known.
    let Step::Seq(mut steps) = sequential else {
        unreachable!()
    };
    steps.insert(
        0,
        Step::Sleep {
            label: "Timer 4".into(),
            ms: 10,
        },
    );
    let custom = state_machine::of(&Step::Seq(steps), None);
    assert_eq!((custom.size, custom.preset), (None, None));
    assert!(!custom.lane_runs_it);
    assert_eq!(custom.variants.len(), 4 + 3);
    // Self-ref's steps, not as the preset: the scenario's own panel.
    let self_ref = (presets::find("self-ref").unwrap().scenario)();
    let plain = state_machine::of(&self_ref, None);
    assert_eq!(plain.size, None);
    assert_eq!(written(&plain.variants[1]), "Suspend0 { __awaitee: Sleep }");
}

// ---- Checked against rustc ----

/// A variant's locals as rustc prints them: `(name, type if printed)`.
type Locals = Vec<(String, Option<String>)>;

/// One `{async fn body of …::run()}` as `-Zprint-type-sizes` reports it.
#[derive(Debug, Default)]
struct Reported {
    size: usize,
    /// `(variant, [(field, type if printed)])`, in rustc's order.
    variants: Vec<(String, Locals)>,
}

/// rustc's `{async fn body of MODULE::run()}` entries, by module path.
fn parse_type_sizes(out: &str) -> BTreeMap<String, Reported> {
    let mut found = BTreeMap::new();
    let mut current: Option<(String, Reported)> = None;
    for line in out.lines() {
        let Some(rest) = line.strip_prefix("print-type-size ") else {
            continue;
        };
        if let Some(ty) = rest.strip_prefix("type: `") {
            found.extend(current.take());
            let Some((name, size)) = ty.split_once("`: ") else {
                continue;
            };
            let Some(module) = name
                .strip_prefix("{async fn body of ")
                .and_then(|n| n.strip_suffix("::run()}"))
            else {
                continue;
            };
            let size = size.split(' ').next().unwrap().parse().unwrap();
            current = Some((
                module.to_string(),
                Reported {
                    size,
                    variants: Vec::new(),
                },
            ));
        } else if let Some((_, reported)) = &mut current {
            let rest = rest.trim_start();
            if let Some(v) = rest.strip_prefix("variant `") {
                let name = v.split('`').next().unwrap().to_string();
                reported.variants.push((name, Vec::new()));
            } else if let Some(l) = rest.strip_prefix("local `.") {
                let name = l.split('`').next().unwrap().to_string();
                let ty = l.split_once(", type: ").map(|(_, t)| t.to_string());
                if let Some((_, fields)) = reported.variants.last_mut() {
                    fields.push((name, ty));
                }
            }
        }
    }
    found.extend(current);
    found
}

/// A type as rustc prints it, as the page writes it: paths dropped, an
/// `async` block as `impl Future`.
fn learner_type(rustc: &str) -> String {
    if rustc.starts_with("{async block@") {
        return ASYNC_BLOCK.into();
    }
    let (head, args) = rustc.split_at(rustc.find('<').unwrap_or(rustc.len()));
    format!("{}{args}", head.rsplit("::").next().unwrap())
}

/// Compiles `lib` (a crate depending on crates/runtime) with nightly's
/// `-Zprint-type-sizes` in target/, and returns what rustc printed.
fn print_type_sizes(lib: &str) -> Result<String, String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest.parent().unwrap().parent().unwrap();
    let dir: PathBuf = workspace.join("target/state-machine-rustc");
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let runtime = workspace.join("crates/runtime");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"state-machine-rustc\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [workspace]\n\n[dependencies]\nruntime = {{ path = {:?} }}\n",
            runtime.display().to_string()
        ),
    )
    .map_err(|e| e.to_string())?;
    // The workspace's versions, so nothing new is resolved.
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock"))
        .map_err(|e| e.to_string())?;
    // Written anew each time, so cargo compiles it (and rustc prints) again.
    std::fs::write(dir.join("src/lib.rs"), lib).map_err(|e| e.to_string())?;
    let mut cargo = Command::new("cargo");
    cargo
        .current_dir(&dir)
        .args(["+nightly", "rustc", "--lib", "--quiet"])
        .args(["--", "-Zprint-type-sizes"])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        // Incremental builds reuse layouts and print none.
        .env("CARGO_INCREMENTAL", "0");
    for var in [
        "RUSTC",
        "RUSTC_WRAPPER",
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_TARGET",
        "RUSTUP_TOOLCHAIN",
    ] {
        cargo.env_remove(var);
    }
    let out = cargo.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn nightly() -> Result<String, String> {
    let out = Command::new("cargo")
        .args(["+nightly", "--version"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// Where `cargo +nightly` works (otherwise it says why it is skipped, and
/// passes; but in CI, where `CI` is set and `just test-native` installs
/// nightly first, it fails): compiles the panels of every preset but interop (as in
/// `src/preset_panels.rs` for the special ones) and the compiled-panels
/// corpus (`tests/panels/generated.rs`: the other presets, 200 random
/// programs) with
/// `-Zprint-type-sizes`, and checks that for every `run()` rustc's variants
/// are ours, its named fields in each `Suspend` are ours (the awaited
/// future's type too, the one type it prints), and for each preset its size
/// is the one the page reports. rustc's unnamed drop flags are not compared.
#[test]
fn rustc_agrees_where_nightly_is_installed_else_skipped() {
    let version = match nightly() {
        Ok(version) => version,
        Err(why) => {
            let why = why.lines().next().unwrap_or_default();
            assert!(
                std::env::var_os("CI").is_none(),
                "`cargo +nightly` is not available ({why}); CI is set, so this check must run"
            );
            eprintln!("skipped: `cargo +nightly` is not available ({why})");
            return;
        }
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lib = format!(
        "#![allow(dead_code, unused_imports, clippy::all)]\n\
         #[path = {:?}]\npub mod generated;\n\
         pub mod preset_panels {{\n",
        manifest.join("tests/panels/generated.rs"),
    );
    // The special presets' panels, as in src/preset_panels.rs (which also
    // holds the other presets' copies for the lane, which need the crate).
    for (name, preset, step) in corpus() {
        if preset
            .and_then(presets::find)
            .is_some_and(|p| p.special.is_some())
        {
            lib.push_str(&format!("pub mod {name} {{\n{}}}\n", panel(preset, &step)));
        }
    }
    lib.push_str("}\n");
    let printed = print_type_sizes(&lib).unwrap_or_else(|e| panic!("{version}: {e}"));
    let reported = parse_type_sizes(&printed);

    // The panels exactly as the page shows them: the special presets' in
    // the crate (preset_panels), every other in tests/panels/generated.rs
    // (the crate's copies of those call the scenario's leaves instead of
    // literals; their sizes are checked equal in tests/compiled_panels.rs).
    let cases: Vec<(String, Option<&str>, Step)> = corpus()
        .into_iter()
        .map(|(name, preset, step)| {
            let special = preset
                .and_then(presets::find)
                .is_some_and(|p| p.special.is_some());
            let module = if special {
                "preset_panels"
            } else {
                "generated"
            };
            (format!("{module}::{name}"), preset, step)
        })
        .collect();
    assert!(cases.len() > 200);
    // Locals other than the awaitee compared (f2, f3, s, borrowed…).
    let mut locals = 0;
    for (name, preset, step) in &cases {
        let rustc = reported
            .get(name)
            .unwrap_or_else(|| panic!("rustc reported no {{async fn body of {name}::run()}}"));
        let ours = state_machine::of(step, *preset);
        let context = || format!("{name}:\n{}\nrustc: {rustc:#?}", panel(*preset, step));
        let names: Vec<&str> = rustc.variants.iter().map(|(v, _)| v.as_str()).collect();
        let our_names: Vec<&str> = ours.variants.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, our_names, "{}", context());
        for ((_, fields), variant) in rustc.variants.iter().zip(&ours.variants) {
            // Named locals; `.coroutine_fieldN` (drop flags) are unnamed.
            let mut theirs: Vec<(&str, Option<String>)> = fields
                .iter()
                .filter(|(f, _)| !f.starts_with('.'))
                .map(|(f, ty)| {
                    let shown = (f == "__awaitee").then(|| learner_type(ty.as_deref().unwrap()));
                    (f.as_str(), shown)
                })
                .collect();
            let mut mine: Vec<(&str, Option<String>)> = variant
                .fields
                .iter()
                .map(|f| {
                    (
                        f.name.as_str(),
                        (f.name == "__awaitee").then(|| f.ty.clone()),
                    )
                })
                .collect();
            theirs.sort();
            mine.sort();
            locals += mine.iter().filter(|(f, _)| *f != "__awaitee").count();
            assert_eq!(theirs, mine, "{}: {}", variant.name, context());
        }
        if preset.is_some() {
            assert_eq!(Some(rustc.size), ours.size, "size: {}", context());
            eprintln!(
                "{name}: rustc {} bytes, the page {:?}",
                rustc.size, ours.size
            );
        }
    }
    assert!(locals > 20, "only {locals} locals compared");
    eprintln!(
        "{version}: {} futures as rustc lays them out, {locals} locals besides the awaitees",
        cases.len()
    );
}
