//! The layers of `src/`: each group of modules uses only the groups below
//! it, and the files within a group use each other without a loop.
//!
//! The groups, from the ground up, are in [`LAYERS`]. This test reads every
//! `crate::…` path in `src/` (in `use` lines and inline, not in comments),
//! finds the file it leads to, and fails when a group uses a group above it
//! or when files use each other in a circle. It reads paths as text, without
//! a Rust parser, which is enough for the way this crate writes them:
//! - a comment is cut off at the first `//` on a line;
//! - `super::` in a submodule counts as using the module's own `mod.rs`;
//!   a `mod.rs` using its own submodules by relative path (`text::slide`)
//!   is the module tree itself and is not counted;
//! - the binary (`main.rs`, `cli.rs`) uses the library as `voorwie::…` and
//!   stands on top of everything.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The groups under `src/`, from the ground up. A group may use the groups
/// before it in this list, never the ones after it.
const LAYERS: [&str; 9] = [
    "base",
    "bank",
    "session",
    "advice",
    "views",
    "render",
    "interview",
    "browser",
    "app",
];

/// The files of the binary, directly under `src/`.
const BINARY: [&str; 3] = ["lib.rs", "main.rs", "cli.rs"];

#[test]
fn no_group_uses_a_group_above_it_and_no_files_use_each_other_in_a_loop() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    read_tree(&src, &src, &mut files);
    assert!(files.len() > 20, "found only {} files in src/", files.len());
    let problems = check(&files);
    assert!(
        problems.is_empty(),
        "the layers of src/ are broken:\n  {}\n(the order is in tests/layers.rs)",
        problems.join("\n  ")
    );
}

/// The check itself must be able to fail.
#[test]
fn the_check_finds_an_import_from_above_and_a_loop() {
    let files = |list: &[(&str, &str)]| -> BTreeMap<String, String> {
        list.iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect()
    };
    let fine = files(&[
        ("base/mod.rs", "pub mod text;"),
        ("base/text.rs", "pub struct Lang;"),
        ("views/mod.rs", "pub mod report;"),
        (
            "views/report.rs",
            "use crate::base::text::Lang; // crate::render in a comment",
        ),
        ("render/mod.rs", "use crate::views::{report::{self}, card};"),
        (
            "render/text.rs",
            "use super::Style;\nfn f() { crate::base::text::Lang; }",
        ),
    ]);
    assert_eq!(check(&fine), Vec::<String>::new());

    let upward = files(&[
        ("views/mod.rs", ""),
        ("views/report.rs", "fn f() { crate::render::wrap(1) }"),
        ("render/mod.rs", ""),
    ]);
    let found = check(&upward);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("views/report.rs uses render"),
        "{found:?}"
    );

    let circle = files(&[
        ("session/mod.rs", "use crate::session::draft::Draft;"),
        (
            "session/draft.rs",
            "use crate::session::{\n    load::read,\n};",
        ),
        ("session/load.rs", "use crate::session::Session;"),
    ]);
    let found = check(&circle);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("a loop:"), "{found:?}");

    let unknown = files(&[("extra/mod.rs", "")]);
    assert!(check(&unknown)[0].contains("'extra' is not in LAYERS"));
}

/// Every `.rs` file under `dir`, by its path relative to `src/`.
fn read_tree(src: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_tree(src, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(src).unwrap().to_string_lossy();
            let rel = rel.replace('\\', "/");
            files.insert(rel, fs::read_to_string(&path).unwrap());
        }
    }
}

/// What is wrong with the layers of these files (paths relative to `src/`).
fn check(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut problems = Vec::new();
    // File → the files it uses in its own group.
    let mut edges: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (file, text) in files {
        if BINARY.contains(&file.as_str()) {
            continue;
        }
        let group = group_of(file);
        let Some(rank) = LAYERS.iter().position(|l| *l == group) else {
            problems.push(format!(
                "src/{file}: group '{group}' is not in LAYERS; add it where it belongs"
            ));
            continue;
        };
        for path in used_paths(file, text) {
            let Some(target) = resolve(files, &path) else {
                continue;
            };
            let target_group = group_of(&target);
            match LAYERS.iter().position(|l| *l == target_group) {
                Some(r) if r > rank => problems.push(format!(
                    "src/{file} uses {target_group} (crate::{}), a group above {group}",
                    path.join("::")
                )),
                Some(r) if r == rank && target != *file => {
                    let list = edges.entry(file.as_str()).or_default();
                    if !list.contains(&target) {
                        list.push(target);
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(circle) = find_loop(&edges) {
        problems.push(format!("a loop: {}", circle.join(" → ")));
    }
    problems
}

/// `views/report.rs` → `views`.
fn group_of(file: &str) -> &str {
    file.split('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".rs")
}

/// The `crate::` paths a file uses, as segments after `crate`, and for
/// `super::` in a submodule the path of its parent module.
fn used_paths(file: &str, text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && is_ident(bytes[at - 1]) {
            continue;
        }
        let mut i = at + "crate::".len();
        tree(bytes, &mut i, Vec::new(), &mut out);
    }
    // `super::` in `group/x.rs` is `group/mod.rs`; only outside the tests,
    // where `use super::*` means the file itself.
    if let Some((dir, name)) = file.rsplit_once('/')
        && name != "mod.rs"
    {
        let main = code.split("#[cfg(test)]").next().unwrap_or("");
        if main.contains("super::") {
            out.push(dir.split('/').map(str::to_owned).collect());
        }
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Reads one use-tree (`a::b`, `a::{b, c::d}`, `a::*`) starting at `i`.
fn tree(s: &[u8], i: &mut usize, mut prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    skip_space(s, i);
    if s.get(*i) == Some(&b'{') {
        *i += 1;
        loop {
            skip_space(s, i);
            match s.get(*i) {
                None => return,
                Some(b'}') => {
                    *i += 1;
                    return;
                }
                _ => {}
            }
            tree(s, i, prefix.clone(), out);
            // Skip `as name` and the comma.
            while let Some(&b) = s.get(*i) {
                if b == b'}' {
                    break;
                }
                *i += 1;
                if b == b',' {
                    break;
                }
            }
        }
    }
    let start = *i;
    while s.get(*i).is_some_and(|b| is_ident(*b)) {
        *i += 1;
    }
    let ident = String::from_utf8_lossy(&s[start..*i]).into_owned();
    if ident.is_empty() || ident == "self" {
        out.push(prefix);
        return;
    }
    prefix.push(ident);
    if s[*i..].starts_with(b"::") {
        *i += 2;
        tree(s, i, prefix, out);
    } else {
        out.push(prefix);
    }
}

fn skip_space(s: &[u8], i: &mut usize) {
    while s.get(*i).is_some_and(u8::is_ascii_whitespace) {
        *i += 1;
    }
}

/// The file a path leads to: the deepest `name/mod.rs` or `name.rs` on it.
fn resolve(files: &BTreeMap<String, String>, path: &[String]) -> Option<String> {
    let mut dir = String::new();
    let mut found = None;
    for segment in path {
        let module = format!("{dir}{segment}/mod.rs");
        let file = format!("{dir}{segment}.rs");
        if files.contains_key(&module) {
            dir = format!("{dir}{segment}/");
            found = Some(module);
        } else if files.contains_key(&file) {
            return Some(file);
        } else {
            break;
        }
    }
    found
}

/// A circle in the graph, if there is one, as the files on it.
fn find_loop(edges: &BTreeMap<&str, Vec<String>>) -> Option<Vec<String>> {
    // 0: not seen, 1: on the current path, 2: done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    let mut path: Vec<&str> = Vec::new();
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<&str, Vec<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let from = path.iter().position(|n| *n == node).unwrap_or(0);
                let mut circle: Vec<String> =
                    path[from..].iter().map(|n| format!("src/{n}")).collect();
                circle.push(format!("src/{node}"));
                return Some(circle);
            }
            _ => {}
        }
        state.insert(node, 1);
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, state, path) {
                return Some(circle);
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    for node in edges.keys() {
        if let Some(circle) = visit(node, edges, &mut state, &mut path) {
            return Some(circle);
        }
    }
    None
}
