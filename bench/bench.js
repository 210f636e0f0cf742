// What `make bench` runs in the page: Contestel's parse worker (the app's own
// worker_loader.js, unchanged) and pdf.js on the same bytes, in the same page and run.
// Every function resolves to plain numbers in milliseconds; tests/bench.rs drives them.

import * as pdfjs from "./pdfjs/build/pdf.min.mjs";

pdfjs.GlobalWorkerOptions.workerSrc = "./pdfjs/build/pdf.worker.min.mjs";

const now = () => performance.now();

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function stats(samples) {
  return {
    median_ms: median(samples),
    min_ms: Math.min(...samples),
    max_ms: Math.max(...samples),
    runs: samples.length,
  };
}

export async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// --- Contestel ------------------------------------------------------------------------

// Starts the app's parse worker and resolves once it says "ready" (as reader_host does).
function startWorker() {
  const started = now();
  const worker = new Worker("./worker_loader.js");
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      if (event.data === "ready") resolve({ worker, startup_ms: now() - started });
      else reject(new Error(`unexpected first message: ${event.data}`));
    };
    worker.onerror = (e) => reject(new Error(`worker failed: ${e.message}`));
  });
}

// One reading: the bytes transferred to the worker, its JSON answer back.
function readOnce(worker, bytes) {
  const copy = bytes.slice();
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (e) => reject(new Error(`worker failed: ${e.message}`));
    worker.postMessage(copy, [copy.buffer]);
  });
}

// Worker start-up: `starts` fresh workers, each until "ready", then terminated. The first
// includes compiling the wasm; later ones may hit the browser's compiled-code cache,
// which is what a person reading a second bill gets.
export async function contestelStartup(starts) {
  const samples = [];
  for (let i = 0; i < starts; i++) {
    const { worker, startup_ms } = await startWorker();
    worker.terminate();
    samples.push(startup_ms);
  }
  return { first_ms: samples[0], ...stats(samples.slice(1)) };
}

// Reads all the files one after the other, `runs` times: the total per round.
export async function contestelBatch(urls, warmup, runs) {
  const files = await Promise.all(urls.map(fetchBytes));
  const { worker } = await startWorker();
  const samples = [];
  try {
    for (let r = 0; r < warmup + runs; r++) {
      const t = now();
      for (const bytes of files) await readOnce(worker, bytes);
      if (r >= warmup) samples.push(now() - t);
    }
  } finally {
    worker.terminate();
  }
  return stats(samples);
}

// A fresh worker per file, started, handed the bytes, terminated (how reader_host.rs read
// files before it kept a worker that answered cleanly). Resolves to the total, and each
// file's start-to-answer time.
export async function contestelFresh(urls) {
  const files = await Promise.all(urls.map(fetchBytes));
  const each = [];
  const t = now();
  for (const bytes of files) {
    const t1 = now();
    const { worker } = await startWorker();
    const answer = await readOnce(worker, bytes);
    worker.terminate();
    if (typeof answer !== "string" || !answer.startsWith('{"Ok"')) {
      throw new Error(`not read: ${String(answer).slice(0, 200)}`);
    }
    each.push(now() - t1);
  }
  return { total_ms: now() - t, each_ms: each, ...stats(each) };
}

// --- pdf.js ---------------------------------------------------------------------------

const pdfjsOptions = {
  cMapUrl: "./pdfjs/cmaps/",
  cMapPacked: true,
  standardFontDataUrl: "./pdfjs/standard_fonts/",
  wasmUrl: "./pdfjs/wasm/",
};

// One extraction: getDocument, then getTextContent of every page; returns the pages.
async function pdfjsOnce(worker, bytes) {
  const task = pdfjs.getDocument({ ...pdfjsOptions, data: bytes.slice(), worker });
  const doc = await task.promise;
  let items = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const text = await page.getTextContent();
    items += text.items.length;
  }
  const pages = doc.numPages;
  await task.destroy();
  return { pages, items };
}

export async function pdfjsStartup(starts) {
  const samples = [];
  for (let i = 0; i < starts; i++) {
    const t = now();
    const worker = new pdfjs.PDFWorker();
    await worker.promise;
    samples.push(now() - t);
    worker.destroy();
  }
  return { first_ms: samples[0], ...stats(samples.slice(1)) };
}

export async function pdfjsBatch(urls, warmup, runs) {
  const files = await Promise.all(urls.map(fetchBytes));
  const worker = new pdfjs.PDFWorker();
  await worker.promise;
  const samples = [];
  try {
    for (let r = 0; r < warmup + runs; r++) {
      const t = now();
      for (const bytes of files) await pdfjsOnce(worker, bytes);
      if (r >= warmup) samples.push(now() - t);
    }
  } finally {
    worker.destroy();
  }
  return stats(samples);
}

// --- side by side ---------------------------------------------------------------------

// Both readers on each file, their timed runs interleaved (Contestel, pdf.js, Contestel,
// …) so that a machine busy with something else slows both alike: the ratio holds even
// when the absolute times drift. Each reader has its own worker, started beforehand.
export async function compareRead(urls, warmup, runs) {
  const { worker } = await startWorker();
  const pdfWorker = new pdfjs.PDFWorker();
  await pdfWorker.promise;
  const out = [];
  try {
    for (const url of urls) {
      const bytes = await fetchBytes(url);
      let t = now();
      const first = await readOnce(worker, bytes);
      const contestel_first_ms = now() - t;
      if (typeof first !== "string" || !first.startsWith('{"Ok"')) {
        throw new Error(`${url}: not read: ${String(first).slice(0, 200)}`);
      }
      t = now();
      const { pages, items } = await pdfjsOnce(pdfWorker, bytes);
      const pdfjs_first_ms = now() - t;
      for (let i = 1; i < warmup; i++) {
        await readOnce(worker, bytes);
        await pdfjsOnce(pdfWorker, bytes);
      }
      const c = [];
      const p = [];
      for (let i = 0; i < runs; i++) {
        t = now();
        await readOnce(worker, bytes);
        c.push(now() - t);
        t = now();
        await pdfjsOnce(pdfWorker, bytes);
        p.push(now() - t);
      }
      out.push({
        url, pages, items, answer_bytes: first.length,
        contestel: { first_ms: contestel_first_ms, ...stats(c) },
        pdfjs: { first_ms: pdfjs_first_ms, ...stats(p) },
        ratio_of_medians: median(c) / median(p),
        median_ratio: median(c.map((v, i) => v / p[i])),
      });
    }
  } finally {
    worker.terminate();
    pdfWorker.destroy();
  }
  return out;
}
