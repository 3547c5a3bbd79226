// Loads warta's Wasm and mounts every widget on the page. A separate file, not
// an inline script, so pages with a strict Content-Security-Policy can use it.
import init from "./warta.js";

init({ module_or_path: new URL("warta_bg.wasm", import.meta.url) });
