// Inline preview of a submission's PDFs for caseworkers (doc/adr/0231-inline-pdf-preview.md). pdf.js renders
// each page to a canvas in the browser: no PDF plug-in, no frame, no script of the document runs (pdf.js's
// scripting is not loaded, eval is off). The bytes come from the audited download route, so every view is
// audited as a download. Without JavaScript the download link beside each file is all there is.
import { getDocument, GlobalWorkerOptions } from '/assets/pdfjs/build/pdf.min.mjs';

GlobalWorkerOptions.workerSrc = '/assets/pdfjs/build/pdf.worker.min.mjs';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

function setup(box) {
  const canvas = box.querySelector('canvas');
  const status = box.querySelector('[data-preview-status]');
  const prev = box.querySelector('[data-preview-prev]');
  const next = box.querySelector('[data-preview-next]');
  const zoomIn = box.querySelector('[data-preview-zoom-in]');
  const zoomOut = box.querySelector('[data-preview-zoom-out]');
  const text = (name, values) => (box.getAttribute(`data-text-${name}`) || '').replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
  let doc = null;
  let page = 1;
  let zoom = 2; // index into ZOOMS: 100 %
  let rendering = null;

  async function render() {
    if (!doc) return;
    if (rendering) rendering.cancel();
    const pdfPage = await doc.getPage(page);
    const scale = ZOOMS[zoom] * (window.devicePixelRatio || 1);
    const viewport = pdfPage.getViewport({ scale });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / (window.devicePixelRatio || 1))}px`;
    rendering = pdfPage.render({ canvas, canvasContext: canvas.getContext('2d'), viewport });
    try {
      await rendering.promise;
    } catch (error) {
      if (error && error.name === 'RenderingCancelledException') return;
      throw error;
    }
    const values = { page, pages: doc.numPages, zoom: Math.round(ZOOMS[zoom] * 100) };
    canvas.setAttribute('aria-label', text('page', values));
    status.textContent = text('status', values);
    prev.disabled = page <= 1;
    next.disabled = page >= doc.numPages;
    zoomOut.disabled = zoom <= 0;
    zoomIn.disabled = zoom >= ZOOMS.length - 1;
  }

  const go = (delta) => {
    if (!doc) return;
    const target = Math.min(doc.numPages, Math.max(1, page + delta));
    if (target !== page) {
      page = target;
      render();
    }
  };
  const scaleBy = (delta) => {
    const target = Math.min(ZOOMS.length - 1, Math.max(0, zoom + delta));
    if (target !== zoom) {
      zoom = target;
      render();
    }
  };
  prev.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  zoomIn.addEventListener('click', () => scaleBy(1));
  zoomOut.addEventListener('click', () => scaleBy(-1));
  // Keys while the viewer has focus: page with PageUp/PageDown (or arrows), zoom with + and -.
  box.addEventListener('keydown', (event) => {
    if (event.target.tagName === 'BUTTON' && (event.key === 'Enter' || event.key === ' ')) return;
    const actions = { PageDown: () => go(1), ArrowRight: () => go(1), PageUp: () => go(-1), ArrowLeft: () => go(-1), '+': () => scaleBy(1), '=': () => scaleBy(1), '-': () => scaleBy(-1) };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  box.hidden = false;
  status.textContent = text('loading', {});
  fetch(box.getAttribute('data-src'), { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) =>
      getDocument({
        data: new Uint8Array(bytes),
        isEvalSupported: false,
        enableXfa: false,
        standardFontDataUrl: '/assets/pdfjs/standard_fonts/',
        // No wasm decoders (the CSP has no 'wasm-unsafe-eval'); pdf.js falls back to its JavaScript ones.
        useWasm: false,
      }).promise,
    )
    .then((loaded) => {
      doc = loaded;
      return render().then(() => box.setAttribute('data-preview-ready', String(doc.numPages)));
    })
    .catch(() => {
      status.textContent = text('failed', {});
      box.setAttribute('data-preview-ready', 'failed');
    });
}

for (const box of document.querySelectorAll('[data-pdf-preview]')) setup(box);
