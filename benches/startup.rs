//! Whole-process start-up time of voorwie against a bare Rust hello-world.
//!
//! Run with `benches/startup.sh` (which builds both with the release
//! profile first). Every round runs each command once, in a rotating order,
//! so that the machine's ups and downs hit all commands alike; the report
//! gives each command's median and its ratio to the hello-world's median.
//! The target is a ratio of at most 1.5.
//!
//! Both binaries are measured as installed copies in a temporary directory,
//! not straight from `target/release`. How a file was written decides how
//! its pages sit in the page cache: the same voorwie binary had 177 page
//! faults for `kaart` as written by the linker and 166 as a copy, and was
//! about 0.3 ms slower (on a 2-vCPU virtual machine). `cargo install` copies,
//! and copying both keeps the comparison even.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let root = std::env::var("VOORWIE_ROOT").unwrap_or_else(|_| ".".into());
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(500);
    let installed = tempfile::tempdir().expect("a temporary directory");
    let install = |from: String, name: &str| {
        let to = installed.path().join(name);
        std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("{from}: {e}"));
        to.display().to_string()
    };
    let voorwie = install(format!("{root}/target/release/voorwie"), "voorwie");
    let hallo = install(format!("{root}/target/release/examples/hallo"), "hallo");
    let case = format!("{root}/data/voorbeelden/robin.yaml");
    let commands: Vec<(String, Vec<String>)> = vec![
        ("hallo (hello-world)".into(), vec![hallo]),
        (
            "voorwie kaart".into(),
            vec![voorwie.clone(), "kaart".into()],
        ),
        (
            "voorwie continuum".into(),
            vec![voorwie.clone(), "continuum".into()],
        ),
        (
            "voorwie start --antwoorden robin.yaml --format json".into(),
            vec![
                voorwie.clone(),
                "start".into(),
                "--antwoorden".into(),
                case,
                "--format".into(),
                "json".into(),
            ],
        ),
        (
            "voorwie --version".into(),
            vec![voorwie, "--version".into()],
        ),
    ];
    for (_, argv) in &commands {
        // Fail loudly before measuring anything.
        let status = run(argv).1;
        assert!(
            status,
            "{argv:?} failed; build first with benches/startup.sh"
        );
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); commands.len()];
    let warmup = rounds / 10;
    for round in 0..warmup + rounds {
        for k in 0..commands.len() {
            let i = (k + round) % commands.len();
            let (took, _) = run(&commands[i].1);
            if round >= warmup {
                times[i].push(took);
            }
        }
    }
    let medians: Vec<Duration> = times.iter_mut().map(|t| percentile(t, 50)).collect();
    let floor = medians[0].as_secs_f64();
    println!("{rounds} rounds, alternating; times in milliseconds\n");
    println!(
        "{:<55} {:>7} {:>7} {:>7} {:>7}",
        "command", "median", "p10", "p90", "ratio"
    );
    for (i, (name, _)) in commands.iter().enumerate() {
        let t = &mut times[i];
        println!(
            "{:<55} {:>7.3} {:>7.3} {:>7.3} {:>6.2}x",
            name,
            ms(medians[i]),
            ms(percentile(t, 10)),
            ms(percentile(t, 90)),
            medians[i].as_secs_f64() / floor
        );
    }
}

fn run(argv: &[String]) -> (Duration, bool) {
    let start = Instant::now();
    let status = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    (start.elapsed(), status)
}

fn percentile(times: &mut [Duration], p: usize) -> Duration {
    times.sort_unstable();
    times[(times.len() - 1) * p / 100]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
