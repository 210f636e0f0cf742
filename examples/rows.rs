//! Prints the text rows of PDFs as the reader sees them, with the x-range of each cell:
//! `cargo run --release --example rows -- FILE.pdf...`. For looking at a bill a reading
//! gets wrong; it prints the bill's text, so keep its output out of anything shared.

fn main() {
    for path in std::env::args().skip(1) {
        println!("=== {path}");
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                println!("error: {e}");
                continue;
            }
        };
        match contestel::core::pdf::extract(&bytes, &contestel::core::pdf::Limits::default()) {
            Ok(pages) => {
                for p in &pages {
                    println!("--- page {} ({} x {})", p.number, p.width, p.height);
                    for r in &p.rows {
                        let cells: Vec<String> = r
                            .cells
                            .iter()
                            .map(|c| format!("[{:.0}-{:.0} {:?}]", c.x, c.x_end, c.text))
                            .collect();
                        println!("{:6.1} {:4.1} {}", r.y, r.size, cells.join(" "));
                    }
                }
            }
            Err(e) => println!("error: {e:?}"),
        }
    }
}
