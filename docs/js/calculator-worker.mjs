// The calculators' Python runs here, off the page's main thread, in the Pyodide
// runtime served by this site (never a CDN). One worker serves the whole visit.
// Messages carry only strings: the page sends JSON text and gets JSON text back.
import buildInfo from "./build-info.mjs";

const siteURL = (file) => new URL(`../${file}`, import.meta.url).href;
// The runtime's folder is named by its version (build-info), so a new Pyodide never meets an old cache.
const indexURL = siteURL(buildInfo.runtime);

// Pyodide reports a Python error as a whole traceback; a person needs its last line. A problem this
// worker found with a download goes to the page as its facts, which the page words (runtime.mjs).
const lastLine = (error) => String(error?.message ?? error).trim().split("\n").pop();
const reasonOf = (error) => error?.facts ?? lastLine(error);
const downloadProblem = (facts) => Object.assign(new Error(`${facts.problem}: ${facts.file}`), { facts });

// Pyodide waits for ever when its WebAssembly file fails to download or is served
// with the wrong type, so the worker watches its own downloads and gives up at once.
let downloadFailed;
const failedDownload = new Promise((_, reject) => (downloadFailed = reject));
const fetchFromSite = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const file = String(resource.url ?? resource).split("/").pop();
  let response;
  try {
    response = await fetchFromSite(resource, options);
  } catch (error) {
    downloadFailed(downloadProblem({ problem: "download_failed", file }));
    throw error;
  }
  if (!response.ok) downloadFailed(downloadProblem({ problem: "download_status", file, status: response.status }));
  else if (file.endsWith(".wasm") && !response.headers.get("content-type")?.startsWith("application/wasm")) {
    downloadFailed(downloadProblem({ problem: "wrong_type", file }));
  }
  return response;
};

const started = Promise.race([
  failedDownload,
  (async () => {
    // The standard library and the calculators come compiled (hooks/pyodide_runtime.py); with no
    // package to install, the lock file's facts travel in build-info instead of a download.
    const calculators = fetch(siteURL(buildInfo.calculators)).then((response) => response.arrayBuffer());
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    const pyodide = await loadPyodide({ indexURL, stdLibURL: siteURL(buildInfo.stdlib), lockFileContents: buildInfo.lock });
    pyodide.FS.writeFile("/lib/calculators.zip", new Uint8Array(await calculators));
    pyodide.runPython("import sys; sys.path.insert(0, '/lib/calculators.zip')");
    return pyodide.pyimport("calculators.web").run_json;
  })(),
]);

started.then(
  () => postMessage({ type: "ready", build: buildInfo.build }),
  (error) => postMessage({ type: "failed", reason: reasonOf(error) }),
);

onmessage = async ({ data: { id, name, payload, today } }) => {
  try {
    const runJson = await started;
    postMessage({ type: "answer", id, json: runJson(name, payload, today) });
  } catch (error) {
    postMessage({ type: "answer", id, failure: reasonOf(error) });
  }
};
