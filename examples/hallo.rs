//! The floor for `benches/startup.rs`: a bare Rust program built with the
//! same release profile as voorwie (`cargo build --release --example hallo`, in examples/).

fn main() {
    println!("hallo");
}
