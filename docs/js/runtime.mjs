// The Python runtime for this tab: one module worker running Pyodide, started on the first
// page that needs it and kept for the whole visit (instant page changes keep this module alive).
import buildInfo from "./build-info.mjs";
import strings, { fill } from "./strings.mjs";

// This page script's build. A worker from another build (the site was deployed between the page's
// scripts and the worker's) is never asked: the page reloads instead (calculators.mjs).
export const BUILD = buildInfo.build;

let worker = null;
let workerReady = null;
// Whether this tab's Python started from a snapshot (true, false; null before it is ready).
export let startedFromSnapshot = null;
// Settles once the first start has ended, ready or not: work that would compete with it waits.
let startEnded;
const calculatorStarted = new Promise((resolve) => (startEnded = resolve));
const loaded = new Promise((resolve) =>
  document.readyState === "complete" ? resolve() : addEventListener("load", resolve, { once: true }),
);
const idle = () =>
  new Promise((resolve) => (window.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 200)));

// Runs `then` once the page has loaded, its calculator (if it has one) has started or failed, and the
// browser is idle: so nothing done for later (offline copies, the snapshot) slows the reader's start.
export function afterStartUp(then) {
  const calculator = document.querySelector("[data-calculator]") ? calculatorStarted : Promise.resolve();
  loaded
    .then(() => calculator)
    .then(idle)
    .then(then);
}

// A returning reader's Python starts from a snapshot of the runtime with the calculators imported
// (calculator-worker.mjs). It is made by a worker of its own, in idle time, that is asked nothing:
// nothing typed can be in it. Once per tab at most; a failure (no room, no CacheStorage) only means
// the next visit starts the usual way. (Tests that count workers or downloads switch it off through
// `calculatorMakesSnapshots`.)
const SNAPSHOT_MAKER = "snapshot-maker"; // the same name in calculator-worker.mjs
const SNAPSHOT_LIMIT_MS = 120_000;
let snapshotTried = false;
const forgetSnapshot = () => globalThis.caches?.delete("cp523-snapshot").catch(() => {});

function makeSnapshot() {
  if (snapshotTried || !("caches" in self) || globalThis.calculatorMakesSnapshots === false) return;
  snapshotTried = true;
  let maker;
  try {
    maker = new Worker(new URL("./calculator-worker.mjs", import.meta.url), { type: "module", name: SNAPSHOT_MAKER });
  } catch {
    return;
  }
  const end = () => {
    clearTimeout(limit);
    maker.terminate();
  };
  const limit = setTimeout(end, SNAPSHOT_LIMIT_MS);
  maker.addEventListener("message", ({ data }) => {
    if (data.type === "snapshot-stored") performance.mark("snapshot-stored");
    end();
  });
  maker.addEventListener("error", end);
}
const waiting = new Map();
let lastId = 0;

// Every start and every question ends within these bounds, in an answer or in the plain failure
// message: a stalled or truncated download, or a worker that dies, must never leave the page
// waiting for ever. A start's bound counts from its last progress, so a slow link that keeps
// delivering is never cut off. (Tests shorten them through these globals.)
const START_LIMIT_MS = globalThis.calculatorStartLimitMs ?? 60_000;
const ANSWER_LIMIT_MS = globalThis.calculatorAnswerLimitMs ?? 20_000;

// The worker has no page, so no language: it reports a problem with a download as its facts
// ({problem, file, status}), worded here. Anything else it reports is Python's or the browser's own text.
const PROBLEMS = {
  download_failed: strings.reasons.download_failed,
  download_status: strings.reasons.download_status,
  wrong_type: strings.reasons.wrong_type,
  download_cut: strings.reasons.download_cut,
};

// The start's download, as {received, total} bytes, for the page to show (calculators.mjs).
const progressListeners = new Set();
export const onProgress = (listener) => progressListeners.add(listener);
const worded = (reason) => (typeof reason === "string" ? reason : fill(PROBLEMS[reason.problem], reason));

export function startWorker() {
  if (workerReady) return workerReady;
  workerReady = new Promise((resolve, reject) => {
    // The worker the page's head started (overrides/main.html), on the page's first start only.
    const early = globalThis.calculatorWorkerStarted;
    delete globalThis.calculatorWorkerStarted;
    let started;
    try {
      started = early?.worker ?? new Worker(new URL("./calculator-worker.mjs", import.meta.url), { type: "module" });
    } catch (error) {
      reject(error);
      return;
    }
    worker = started;
    // A start that fails ends its worker at once: retries never leave workers (or downloads) behind.
    const fail = (reason, otherBuild = false) => {
      clearTimeout(limit);
      started.terminate();
      // Whatever went wrong, the next start is the usual one: a snapshot that hangs or breaks the
      // runtime must not break every visit after this one.
      forgetSnapshot();
      if (worker === started) {
        worker = null;
        workerReady = null;
      }
      reject(Object.assign(new Error(reason), { otherBuild }));
      // A worker that breaks after starting: the questions it held end now, with the reason.
      for (const answer of waiting.values()) answer({ failure: reason, otherBuild });
      waiting.clear();
    };
    let limit = setTimeout(() => fail(strings.reasons.start_limit), START_LIMIT_MS);
    const onMessage = ({ data }) => {
      if (data.type === "ready" && data.build !== BUILD) {
        fail(strings.reasons.other_build, true);
      } else if (data.type === "ready") {
        clearTimeout(limit);
        startedFromSnapshot = data.fromSnapshot;
        performance.mark("calculator-ready", { detail: { fromSnapshot: data.fromSnapshot } });
        resolve();
        if (!data.fromSnapshot) afterStartUp(makeSnapshot);
      } else if (data.type === "progress") {
        clearTimeout(limit);
        limit = setTimeout(() => fail(strings.reasons.start_limit), START_LIMIT_MS);
        for (const listener of progressListeners) listener(data);
      } else if (data.type === "failed") {
        fail(worded(data.reason));
      } else if (data.type === "answer") {
        waiting.get(data.id)?.(data.failure ? { ...data, failure: worded(data.failure) } : data);
        waiting.delete(data.id);
      }
    };
    const onError = (event) => {
      event.preventDefault();
      fail(event.message || strings.reasons.not_loaded);
    };
    started.addEventListener("message", onMessage);
    started.addEventListener("error", onError);
    // What the early worker said before this module ran, in order (no new message can come between:
    // this is one task).
    if (early) {
      started.onmessage = started.onerror = null;
      for (const event of early.said) (event.type === "error" ? onError : onMessage)(event);
    }
  });
  workerReady.then(startEnded, startEnded);
  return workerReady;
}

// Stop the runtime; the next question starts a new one. Used after the runtime breaks.
export function stopWorker() {
  worker?.terminate();
  worker = null;
  workerReady = null;
  for (const answer of waiting.values()) answer({ failure: strings.reasons.stopped });
  waiting.clear();
}

// The page's language (its <html lang>, set by the build): the worker words its answers in it.
const LANGUAGE = document.documentElement.lang || "en";

// Have the worker import a calculator now, once it is ready, rather than on the first question.
export function prepare(name) {
  startWorker().then(
    () => worker?.postMessage({ prepare: name, language: LANGUAGE }),
    () => {},
  );
}

// "Today" is the reader's own calendar day, not the UTC day.
function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Ask a calculator. Resolves to {json} with the answer's JSON text, or {failure} with a reason
// (and otherBuild when the worker came from another build of the site).
export function ask(name, payload) {
  return askAsOf(name, payload, localToday());
}

// The same, for a given "today" (ISO date): the golden cases fix the day they are worked out for.
export async function askAsOf(name, payload, today) {
  try {
    await startWorker();
  } catch (error) {
    return { failure: error.message, otherBuild: error.otherBuild }; // the failed worker is already ended
  }
  const id = ++lastId;
  const reply = await new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, name, payload: JSON.stringify(payload), today, language: LANGUAGE });
    setTimeout(() => waiting.get(id)?.({ failure: strings.reasons.stopped_answering }), ANSWER_LIMIT_MS);
  });
  waiting.delete(id);
  if (reply.failure) stopWorker(); // a broken runtime is replaced on the next question
  return reply;
}
