// The Python runtime for this tab: one module worker running Pyodide, started on the first
// page that needs it and kept for the whole visit (instant page changes keep this module alive).

let worker = null;
let workerReady = null;
const waiting = new Map();
let lastId = 0;

export function startWorker() {
  if (workerReady) return workerReady;
  workerReady = new Promise((resolve, reject) => {
    try {
      worker = new Worker(new URL("./calculator-worker.mjs", import.meta.url), { type: "module" });
    } catch (error) {
      reject(error);
      return;
    }
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") {
        performance.mark("calculator-ready");
        resolve();
      } else if (data.type === "failed") {
        reject(new Error(data.reason));
      } else if (data.type === "answer") {
        waiting.get(data.id)?.(data);
        waiting.delete(data.id);
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      reject(new Error(event.message || "its files could not be loaded"));
    });
  });
  return workerReady;
}

// Stop the runtime; the next question starts a new one. Used after the runtime breaks.
export function stopWorker() {
  worker?.terminate();
  worker = null;
  workerReady = null;
  for (const answer of waiting.values()) answer({ failure: "the calculator stopped" });
  waiting.clear();
}

// "Today" is the reader's own calendar day, not the UTC day.
function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Ask a calculator. Resolves to {json} with the answer's JSON text, or {failure} with a reason.
export function ask(name, payload) {
  return askAsOf(name, payload, localToday());
}

// The same, for a given "today" (ISO date): the golden cases fix the day they are worked out for.
export async function askAsOf(name, payload, today) {
  try {
    await startWorker();
  } catch (error) {
    workerReady = null; // let a later question try again
    return { failure: error.message };
  }
  const id = ++lastId;
  const reply = await new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, name, payload: JSON.stringify(payload), today });
  });
  if (reply.failure) stopWorker(); // a broken runtime is replaced on the next question
  return reply;
}
