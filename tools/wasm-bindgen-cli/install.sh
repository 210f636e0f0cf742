#!/usr/bin/env bash
# Installs wasm-bindgen-cli VERSION built from the lockfile pinned here (Cargo-VERSION.lock),
# so that the tool writing the JS glue we ship is built from the same sources on every
# machine. `cargo install --locked` cannot be used as it is: the crate's own lockfile names a
# dependency the registry does not serve (see README.md).
set -euo pipefail
version=${1:?usage: install.sh VERSION}
here=$(cd "$(dirname "$0")" && pwd)
lock="$here/Cargo-$version.lock"
if [ ! -f "$lock" ]; then
  echo "No pinned lockfile for wasm-bindgen-cli $version: make one as $here/README.md says." >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Fetch the crate through cargo, the registry's own client, by depending on it.
mkdir -p "$work/fetch/src"
cat > "$work/fetch/Cargo.toml" <<TOML
[package]
name = "fetch-wasm-bindgen-cli"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
wasm-bindgen-cli = "=$version"

[workspace]
TOML
: > "$work/fetch/src/lib.rs"
cargo fetch --quiet --manifest-path "$work/fetch/Cargo.toml"
crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"wasm-bindgen-cli-$version.crate" | head -n 1)
tar -xzf "$crate" -C "$work"
cp "$lock" "$work/wasm-bindgen-cli-$version/Cargo.lock"
cargo install --locked --force --path "$work/wasm-bindgen-cli-$version"
