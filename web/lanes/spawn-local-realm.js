// Runs inside the spawn_local lane's realm (an iframe the page made, see
// spawn-local.js), not in the page: it loads the lane's wasm module here, so
// that the module's setTimeout, clearTimeout, queueMicrotask and
// performance.now are this realm's, which the page has replaced with its own.
// What to load and whom to tell come from the page, on this realm's global.

/** @type {{glue: string, wasm: WebAssembly.Module, ready: (lane: unknown) => void, failed: (error: unknown) => void}} */
const realm = /** @type {any} */ (globalThis).spawnLocalRealm;
try {
  const lane = await import(realm.glue);
  // An object of this realm: the module's glue checks its prototype. The
  // wasm comes compiled by the page: each realm only instantiates it.
  await lane.default({ module_or_path: realm.wasm });
  realm.ready(lane);
} catch (error) {
  realm.failed(error);
}

export {};
