//! Browser entry point of the island bundle (built with `--features
//! island-bundle` only, no Yew): makes the share bars of server-rendered
//! widgets live in place and hands any widget that needs more to the full
//! client (see `warta::client`).

fn main() {
    warta::client::start();
}
