//! Browser entry point: mounts every warta widget on the page, now and later.

fn main() {
    warta::client::start();
}
