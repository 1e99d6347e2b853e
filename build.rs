//! Turns the embedded default bank (`data/bank.yaml`) into JSON at build
//! time.
//!
//! Every run of voorwie needs the bank. Parsing 44 KiB of YAML took 87% of
//! the instructions of `voorwie kaart` (12 of 14 million, measured with
//! callgrind); the same bank as JSON parses about twenty times faster. The
//! YAML stays the source a content expert edits and `voorwie controleer`
//! reads (with lines and columns); the JSON is only its compiled form. A
//! test (`embedded_json_matches_yaml` in `src/load.rs`) proves both give the
//! same bank, and `controleer` validates the YAML in CI.

use std::path::PathBuf;

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
    let json = serde_json::to_string(&value).unwrap_or_else(|e| fail(source, &e.to_string()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("bank.json"), json)
        .unwrap_or_else(|e| fail("OUT_DIR/bank.json", &e.to_string()));
}

fn fail(file: &str, message: &str) -> ! {
    eprintln!("voorwie build: {file}: {message}");
    std::process::exit(1);
}
