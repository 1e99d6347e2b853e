//! Turns the embedded default bank (`data/bank.yaml`) into JSON at build
//! time.
//!
//! Every run of voorwie needs the bank. Parsing 44 KiB of YAML took 87% of
//! the instructions of `voorwie kaart` (12 of 14 million, measured with
//! callgrind); the same bank as JSON parses about twenty times faster. The
//! YAML stays the source a content expert edits and `voorwie controleer`
//! reads (with lines and columns); the JSON is only its compiled form. A
//! test (`embedded_json_matches_yaml` in `src/bank/load.rs`) proves both
//! give the same bank, and `controleer` validates the YAML in CI.

use std::path::PathBuf;

use serde_json::Value;

#[path = "src/bank/text_fields.rs"]
#[allow(dead_code)]
mod text_fields;

fn main() {
    let source = "data/bank.yaml";
    println!("cargo::rerun-if-changed={source}");
    let yaml = std::fs::read_to_string(source).unwrap_or_else(|e| fail(source, &e.to_string()));
    // serde_json's `preserve_order` keeps maps in file order: the order of
    // options and steps is meaningful.
    let value: serde_json::Value =
        serde_saphyr::from_str(&yaml).unwrap_or_else(|e| fail(source, &e.to_string()));
    // `voorwie --version` names the bank it carries, without parsing it.
    for (key, var) in [
        ("id", "VOORWIE_BANK_ID"),
        ("versie", "VOORWIE_BANK_VERSION"),
    ] {
        let field = value.get(key).and_then(|v| v.as_str());
        let field = field.unwrap_or_else(|| fail(source, &format!("'{key}' ontbreekt")));
        println!("cargo::rustc-env={var}={field}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, value: &Value| {
        let json = serde_json::to_string(value).unwrap_or_else(|e| fail(source, &e.to_string()));
        std::fs::write(out.join(name), json).unwrap_or_else(|e| fail(name, &e.to_string()));
    };
    // Every language, and a Dutch-only copy for the default: half the text
    // to read when nobody asked for English.
    write("bank.json", &value);
    let mut dutch = value;
    only_dutch(&mut dutch, false);
    write("bank.nl.json", &dutch);
}

/// Replaces every `{nl: ..., en: ...}` text by its Dutch string.
fn only_dutch(value: &mut Value, is_text: bool) {
    match value {
        Value::Object(map) => {
            if is_text
                && map.keys().all(|k| k == "nl" || k == "en")
                && let Some(nl) = map.get("nl").cloned()
            {
                *value = nl;
                return;
            }
            for (k, v) in map.iter_mut() {
                if text_fields::TEXT_MAP_FIELDS.contains(&k.as_str())
                    && let Value::Object(texts) = v
                {
                    for text in texts.values_mut() {
                        only_dutch(text, true);
                    }
                    continue;
                }
                only_dutch(v, text_fields::TEXT_FIELDS.contains(&k.as_str()));
            }
        }
        Value::Array(items) => {
            for item in items {
                only_dutch(item, is_text);
            }
        }
        _ => {}
    }
}

fn fail(file: &str, message: &str) -> ! {
    eprintln!("voorwie build: {file}: {message}");
    std::process::exit(1);
}
