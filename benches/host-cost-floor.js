// The floor for `host-cost.mjs --floor`: what any Wasm widget costs a page
// when it is loaded the way warta-init.js loads warta, with none of warta's
// own work. Stands in for warta-init.js beside the same island Wasm. Once
// the first contentful paint is on screen it fetches the Wasm in a task of
// its own; the Wasm is compiled while it streams and instantiated with
// no-op imports (none of its code runs); in the task after, each widget is
// marked live, which is when the benchmark's clock stops.

function afterFirstPaint(then) {
  const painted = new PerformanceObserver((list) => {
    if (!list.getEntriesByName("first-contentful-paint").length) return;
    painted.disconnect();
    then();
  });
  painted.observe({ type: "paint", buffered: true });
}

function noOpImports(module) {
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    imports[from] ??= {};
    imports[from][name] = () => {};
  }
  return imports;
}

afterFirstPaint(() => {
  let response;
  setTimeout(() => {
    response = fetch(new URL("warta-island_bg.wasm", import.meta.url), { priority: "low" });
  });
  setTimeout(async () => {
    const module = await WebAssembly.compileStreaming(response);
    await WebAssembly.instantiate(module, noOpImports(module));
    setTimeout(() => {
      for (const widget of document.querySelectorAll("[data-warta]")) widget.setAttribute("data-warta-state", "live");
    });
  });
});
