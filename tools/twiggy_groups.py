#!/usr/bin/env python3
"""Where a wasm binary's bytes are, by module: `twiggy top -n 100000 -f csv FILE.wasm > top.csv`,
then `tools/twiggy_groups.py top.csv [ROWS]`. Contestel's own code is grouped by its module
(`contestel::core::rules`), everything else by crate; the function names and wasm-bindgen's
own custom section are left out. Sizes are twiggy's shallow bytes of the wasm before
wasm-opt and compression (the release build keeps its names:
`cargo build --release --target wasm32-unknown-unknown --bin app`). bench/wasm-bytes.md
holds the figures of the last change that moved them."""
import csv,re,collections,sys
rows=list(csv.DictReader(open(sys.argv[1])))
g=collections.Counter()
for r in rows:
    n=r['Name']; s=int(r['ShallowSize'])
    if 'function names' in n or 'wasm_bindgen_unstable' in n or n.startswith('Σ') or n.startswith('...'): continue
    n2=re.sub(r'^<+','',n)
    m=re.match(r'(contestel::(?:core|app|services)::\w+)',n2)
    if m: k=m.group(1)
    else:
        m=re.match(r'([a-z_0-9]+)::',n2)
        k=m.group(1) if m else n[:40]
    g[k]+=s
tot=sum(g.values())
for k,v in g.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 45): print(f"{v:8d} {100*v/tot:5.1f}% {k}")
print(tot)
