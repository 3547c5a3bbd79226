//! Browser entry point of the island bundle (built with `--features
//! island-bundle` only): hydrates the share bars of server-rendered widgets
//! and hands any widget that needs more to the full client (see
//! `warta::client`).

fn main() {
    warta::client::start();
}
