// The calculators' Python runs here, off the page's main thread, in the Pyodide
// runtime served by this site (never a CDN). One worker serves the whole visit.
// Messages carry only strings: the page sends JSON text and gets JSON text back.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import buildInfo from "./build-info.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;
const wheelURL = new URL(`../${buildInfo.wheel}`, import.meta.url).href;

// Pyodide reports a Python error as a whole traceback; a person needs its last line.
const lastLine = (error) => String(error?.message ?? error).trim().split("\n").pop();

const started = (async () => {
  const pyodide = await loadPyodide({ indexURL, packages: [wheelURL] });
  return pyodide.pyimport("calculators.web").run_json;
})();

started.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", reason: lastLine(error) }),
);

onmessage = async ({ data: { id, name, payload, today } }) => {
  try {
    const runJson = await started;
    postMessage({ type: "answer", id, json: runJson(name, payload, today) });
  } catch (error) {
    postMessage({ type: "answer", id, failure: lastLine(error) });
  }
};
