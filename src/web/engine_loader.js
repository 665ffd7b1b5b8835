// The engine's worker script. What the page sends while the engine's wasm loads is kept here
// (a message with no listener yet would be lost): the page need not wait for the engine to say
// it is ready, and web::engine_worker takes these messages over once it listens.
self.heldRequests = [];
self.onmessage = (event) => self.heldRequests.push(event.data);
const { default: init } = await import('./engine.js');
await init();
