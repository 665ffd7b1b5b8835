// A link that runs a cell on open (`run=1`) needs the engine first. The browser starts a
// worker only between the page's tasks, so started from the page's wasm it would wait for the
// page's first render: it starts here, before that wasm, and web::engine_client adopts it
// with what it said meanwhile (its messages, or an `{ error }` if it failed to load).
if (new URLSearchParams(location.search).get('run') === '1') {
  const held = [];
  const worker = new Worker('engine_loader.js', { type: 'module', name: 'go-engine' });
  worker.onmessage = (event) => held.push(event.data);
  worker.onerror = (event) => held.push({ error: event.message || '' });
  window.goEngine = { worker, held };
}
