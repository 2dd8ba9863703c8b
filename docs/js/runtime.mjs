// The Python runtime for this tab: one module worker running Pyodide, started on the first
// page that needs it and kept for the whole visit (instant page changes keep this module alive).
import buildInfo from "./build-info.mjs";
import strings, { fill } from "./strings.mjs";

// This page script's build. A worker from another build (the site was deployed between the page's
// scripts and the worker's) is never asked: the page reloads instead (calculators.mjs).
export const BUILD = buildInfo.build;

let worker = null;
let workerReady = null;
// Settles once the first start has ended, ready or not: work that would compete with it waits (offline.mjs).
let startEnded;
export const calculatorStarted = new Promise((resolve) => (startEnded = resolve));
const waiting = new Map();
let lastId = 0;

// Every start and every question ends within these bounds, in an answer or in the plain failure
// message: a stalled or truncated download, or a worker that dies, must never leave the page
// waiting for ever. (Tests shorten them through these globals.)
const START_LIMIT_MS = globalThis.calculatorStartLimitMs ?? 60_000;
const ANSWER_LIMIT_MS = globalThis.calculatorAnswerLimitMs ?? 20_000;

// The worker has no page, so no language: it reports a problem with a download as its facts
// ({problem, file, status}), worded here. Anything else it reports is Python's or the browser's own text.
const PROBLEMS = {
  download_failed: strings.reasons.download_failed,
  download_status: strings.reasons.download_status,
  wrong_type: strings.reasons.wrong_type,
};
const worded = (reason) => (typeof reason === "string" ? reason : fill(PROBLEMS[reason.problem], reason));

export function startWorker() {
  if (workerReady) return workerReady;
  workerReady = new Promise((resolve, reject) => {
    let started;
    try {
      started = new Worker(new URL("./calculator-worker.mjs", import.meta.url), { type: "module" });
    } catch (error) {
      reject(error);
      return;
    }
    worker = started;
    // A start that fails ends its worker at once: retries never leave workers (or downloads) behind.
    const fail = (reason, otherBuild = false) => {
      clearTimeout(limit);
      started.terminate();
      if (worker === started) {
        worker = null;
        workerReady = null;
      }
      reject(Object.assign(new Error(reason), { otherBuild }));
      // A worker that breaks after starting: the questions it held end now, with the reason.
      for (const answer of waiting.values()) answer({ failure: reason, otherBuild });
      waiting.clear();
    };
    const limit = setTimeout(() => fail(strings.reasons.start_limit), START_LIMIT_MS);
    started.addEventListener("message", ({ data }) => {
      if (data.type === "ready" && data.build !== BUILD) {
        fail(strings.reasons.other_build, true);
      } else if (data.type === "ready") {
        clearTimeout(limit);
        performance.mark("calculator-ready");
        resolve();
      } else if (data.type === "failed") {
        fail(worded(data.reason));
      } else if (data.type === "answer") {
        waiting.get(data.id)?.(data.failure ? { ...data, failure: worded(data.failure) } : data);
        waiting.delete(data.id);
      }
    });
    started.addEventListener("error", (event) => {
      event.preventDefault();
      fail(event.message || strings.reasons.not_loaded);
    });
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
    worker.postMessage({ id, name, payload: JSON.stringify(payload), today });
    setTimeout(() => waiting.get(id)?.({ failure: strings.reasons.stopped_answering }), ANSWER_LIMIT_MS);
  });
  waiting.delete(id);
  if (reply.failure) stopWorker(); // a broken runtime is replaced on the next question
  return reply;
}
