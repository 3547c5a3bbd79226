//! Browser entry point: hydrates or renders every warta mount on the page.

fn main() {
    warta::client::mount_all();
}
