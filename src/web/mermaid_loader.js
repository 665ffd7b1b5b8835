// Mermaid interop for the lesson's diagram (bound from src/web/mermaid.rs).
//
// Mermaid is vendored at vendor/mermaid/ on the app's own origin (trunk copy-dir of
// node_modules/mermaid/dist) and imported lazily, only when the diagram comes near the
// viewport: it is never on the path to first paint.

const MERMAID_PATH = 'vendor/mermaid/mermaid.esm.min.mjs';

let mermaidPromise = null;
let renderCount = 0;
// container element -> { node: string | null, killed: boolean }
const highlights = new WeakMap();

function loadMermaid() {
  if (!mermaidPromise) {
    // Resolved against the document base URL so that hosting under a sub-path works.
    const url = new URL(MERMAID_PATH, document.baseURI).href;
    mermaidPromise = import(url).then((module) => module.default ?? module);
    // A failed load (offline, missing file) may be retried later.
    mermaidPromise.catch(() => {
      mermaidPromise = null;
    });
  }
  return mermaidPromise;
}

/// Calls `callback` once when `element` comes within `rootMargin` of the viewport.
/// Returns a function that stops watching.
export function whenNearViewport(element, rootMargin, callback) {
  if (typeof IntersectionObserver === 'undefined') {
    const timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  let done = false;
  const observer = new IntersectionObserver(
    (entries) => {
      if (done) return;
      if (entries.some((entry) => entry.isIntersecting)) {
        done = true;
        observer.disconnect();
        callback();
      }
    },
    { rootMargin },
  );
  observer.observe(element);
  return () => {
    done = true;
    observer.disconnect();
  };
}

export function prefersDark() {
  return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

/// Calls `callback(dark)` whenever the colour scheme preference changes. Returns an unsubscribe function.
export function watchColorScheme(callback) {
  if (!window.matchMedia) return () => {};
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const listener = (event) => callback(!!event.matches);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

function removeMermaidLeftovers(id) {
  // On failure mermaid.render leaves its temporary container (#d<id>) and maybe the error
  // SVG (#<id>) or the sandbox iframe (#i<id>) in <body>.
  for (const leftover of [`d${id}`, id, `i${id}`]) {
    const element = document.getElementById(leftover);
    if (element) element.remove();
  }
}

function nodeIdOf(element) {
  const dataId = element.getAttribute('data-id');
  if (dataId) return dataId;
  // Ids look like `flowchart-B-1` (possibly prefixed by the SVG id).
  const match = /flowchart-(.+)-\d+$/.exec(element.id || '');
  return match ? match[1] : null;
}

function applyHighlight(container) {
  const state = highlights.get(container) || { node: null, killed: false };
  const svg = container.querySelector('svg');
  if (!svg) return;
  let lit = false;
  for (const element of svg.querySelectorAll('g.node')) {
    const on = state.node !== null && nodeIdOf(element) === state.node;
    const killed = on && state.killed;
    element.classList.toggle('lit', on);
    element.classList.toggle('killed', killed);
    for (const cross of element.querySelectorAll(':scope > .kill-cross')) cross.remove();
    if (killed && typeof element.getBBox === 'function') {
      // A red cross over the node (styled by .kill-cross in styles/main.css).
      const box = element.getBBox();
      const cross = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      const { x, y, width: w, height: h } = box;
      cross.setAttribute('d', `M${x},${y} L${x + w},${y + h} M${x + w},${y} L${x},${y + h}`);
      cross.setAttribute('class', 'kill-cross');
      cross.setAttribute('aria-hidden', 'true');
      element.appendChild(cross);
    }
    lit = lit || on;
  }
  svg.classList.toggle('has-lit', lit);
}

/// Lights node `node` (a Mermaid node id such as "D"), or none when `node` is empty; `killed`
/// adds the "killed" class. Remembered, so that a later render keeps the highlight.
export function setHighlight(container, node, killed) {
  highlights.set(container, { node: node ? node : null, killed: !!killed });
  applyHighlight(container);
}

function errorMessage(error) {
  if (!error) return 'erreur inconnue';
  if (typeof error === 'string') return error;
  return error.message || error.str || String(error);
}

/// Renders `source` to SVG inside `container` (whose children belong to us, not to yew).
/// Resolves when done; rejects with a message string on failure (the container is then emptied).
export async function renderMermaid(container, source, dark) {
  let mermaid;
  try {
    mermaid = await loadMermaid();
  } catch (error) {
    throw `chargement de Mermaid impossible (${errorMessage(error)})`;
  }
  renderCount += 1;
  const id = `lesson-mermaid-${renderCount}`;
  try {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
      // The themes' drop shadow is a light glow on a dark page: none, in both themes.
      themeVariables: {
        dropShadow: 'none',
        // The dark theme's gradient strokes fade out on one side of each node: plain strokes.
        useGradient: false,
        fontSize: '15px',
        // The figure's background (--surface in styles/main.css), so that "Oui"/"Non" sit on it.
        edgeLabelBackground: dark ? '#181d25' : '#f7f8fa',
      },
      // Tighter than mermaid's defaults: the lifecycle is a tall, narrow chart.
      flowchart: { rankSpacing: 30, nodeSpacing: 30, padding: 10 },
      suppressErrorRendering: true,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    });
    const { svg, bindFunctions } = await mermaid.render(id, source);
    // The SVG comes from mermaid at strict security level (sanitized with DOMPurify): it is not
    // lesson text.
    container.innerHTML = svg;
    if (bindFunctions) bindFunctions(container);
    applyHighlight(container);
  } catch (error) {
    removeMermaidLeftovers(id);
    container.replaceChildren();
    throw errorMessage(error);
  }
}
