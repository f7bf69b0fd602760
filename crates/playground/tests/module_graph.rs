//! The crate's modules use each other without a circle, so each can be read
//! after the ones it uses (the order `src/lib.rs` gives). Read from the
//! source: every `crate::…` and `super::…` path in code (not in comments)
//! is an edge from the file's module to the longest module that path names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `src/rust_lane/compiled.rs` → `rust_lane::compiled`; `mod.rs` is its folder.
fn module_of(file: &Path, src: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a line, without its `//` comment (no string here holds `//`
/// before a path that matters).
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// The longest module that `path` (relative to `base`) names.
fn longest_module(base: &str, path: &str, modules: &BTreeSet<String>) -> String {
    let mut named = base.to_string();
    let mut longest = base.to_string();
    for part in path.split("::").filter(|p| !p.is_empty()) {
        named = if named.is_empty() {
            part.to_string()
        } else {
            format!("{named}::{part}")
        };
        if modules.contains(&named) {
            longest = named.clone();
        }
    }
    longest
}

/// The module graph: each module and the modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let modules: BTreeSet<String> = paths.iter().map(|p| module_of(p, &src)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &paths {
        let from = module_of(path, &src);
        let parent = from.rsplit_once("::").map_or("", |(p, _)| p).to_string();
        let text = std::fs::read_to_string(path).unwrap();
        // A folder's module names its children by their own names.
        let children: Vec<String> = modules
            .iter()
            .filter_map(|m| m.strip_prefix(&format!("{from}::")))
            .filter(|rest| !rest.contains("::"))
            .map(|child| format!("{child}::"))
            .collect();
        for line in text.lines().map(code) {
            for child in &children {
                let named = line.match_indices(child.as_str()).any(|(at, _)| {
                    !line[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
                });
                if named && !from.is_empty() {
                    let module = format!("{from}::{}", child.trim_end_matches("::"));
                    edges.entry(from.clone()).or_default().insert(module);
                }
            }
            for (prefix, base) in [("crate::", String::new()), ("super::", parent.clone())] {
                for (at, _) in line.match_indices(prefix) {
                    let after = &line[at + prefix.len()..];
                    // `crate::{a, b::c}`: each item is a path of its own.
                    let group = after
                        .strip_prefix('{')
                        .map(|g| g.split('}').next().unwrap_or(""));
                    let items: Vec<&str> = match group {
                        Some(group) => group.split(',').collect(),
                        None => vec![after],
                    };
                    for item in items {
                        let rest: String = item
                            .trim()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                            .collect();
                        let longest = longest_module(&base, &rest, &modules);
                        if longest != from && !longest.is_empty() {
                            edges.entry(from.clone()).or_default().insert(longest);
                        }
                    }
                }
            }
        }
        edges.entry(from).or_default();
    }
    edges
}

/// A circle through `module`, if any: the modules along it.
fn circle(
    module: &str,
    edges: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| m == module) {
        return Some(path[at..].to_vec());
    }
    if done.contains(module) {
        return None;
    }
    path.push(module.to_string());
    for next in edges.get(module).into_iter().flatten() {
        if let Some(found) = circle(next, edges, path, done) {
            return Some(found);
        }
    }
    path.pop();
    done.insert(module.to_string());
    None
}

#[test]
fn no_module_uses_one_that_uses_it() {
    let edges = graph();
    // The graph is read: the lane uses the compiled panels, which use the
    // compiled leaves; the page's exports use the lane.
    assert!(edges["rust_lane::preset_panels"].contains("rust_lane::compiled"));
    assert!(edges["lane_api"].contains("rust_lane"));
    assert!(edges["rust_lane"].contains("rust_lane::compiled"));
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        if let Some(found) = circle(module, &edges, &mut Vec::new(), &mut done) {
            panic!(
                "a circle of modules: {} -> {}",
                found.join(" -> "),
                found[0]
            );
        }
    }
}

/// The parts in `src/lib.rs`'s reading order: each uses only those before it.
const READING_ORDER: [&str; 10] = [
    "program",
    "render",
    "parse",
    "trace",
    "rust_lane",
    "state_machine",
    "js_value",
    "lane_api",
    "text_api",
    "spawn_local_api",
];

#[test]
fn each_part_uses_only_the_parts_before_it_in_lib_rs() {
    let top = |m: &str| m.split("::").next().unwrap().to_string();
    for (from, uses) in graph() {
        if from.is_empty() {
            continue; // lib.rs itself
        }
        let at = READING_ORDER.iter().position(|p| *p == top(&from));
        let at = at.unwrap_or_else(|| panic!("{from} is in no part of READING_ORDER"));
        for used in uses {
            let used_at = READING_ORDER.iter().position(|p| *p == top(&used)).unwrap();
            assert!(
                used_at <= at,
                "{from} uses {used}, which lib.rs puts after it"
            );
        }
    }
}

#[test]
fn a_circle_would_be_found() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    edges.entry("c".into()).or_default().insert("a".into());
    let found = circle("a", &edges, &mut Vec::new(), &mut BTreeSet::new());
    assert_eq!(found, Some(vec!["a".into(), "b".into(), "c".into()]));
}
