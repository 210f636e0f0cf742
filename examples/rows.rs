//! Prints the text rows of PDFs as the reader sees them, with the x-range of each cell:
//! `cargo run --release --example rows -- [--order] FILE.pdf...`. With `--order`, the rows
//! in the order the body of the bill is read (a part printed in two columns, column by
//! column). For looking at a bill a reading gets wrong; it prints the bill's text, so keep
//! its output out of anything shared.

fn main() {
    let mut order = false;
    for path in std::env::args().skip(1) {
        if path == "--order" {
            order = true;
            continue;
        }
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
                    let rows = if order {
                        contestel::core::interpret::reading_order(p)
                    } else {
                        p.rows.clone()
                    };
                    for r in &rows {
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
