// The calculators' Python runs here, off the page's main thread, in the Pyodide
// runtime served by this site (never a CDN). One worker serves the whole visit.
// Messages carry only strings: the page sends JSON text and gets JSON text back.
//
// A returning reader's Python starts from a memory snapshot: the runtime's memory as it was with the
// calculators imported, kept on this device (CacheStorage). The snapshot is made by a second worker of
// this script, named MAKER, that the page starts in idle time and ends once it is stored: that worker is
// never asked a question, so nothing a reader typed can be in the image. (Pyodide's snapshot API is
// private to its version: the snapshot is keyed by the build and the runtime, and any trouble
// restoring it deletes it and starts the usual way.)
import buildInfo from "./build-info.mjs";

const siteURL = (file) => new URL(`../${file}`, import.meta.url).href;
// The runtime's folder is named by its version (build-info), so a new Pyodide never meets an old cache.
const indexURL = siteURL(buildInfo.runtime);
const MAKER = "snapshot-maker"; // the same name in runtime.mjs
const SNAPSHOT_CACHE = "cp523-snapshot";
const SNAPSHOT = siteURL("python-snapshot"); // a key in the cache, never an address on the site

// Pyodide reports a Python error as a whole traceback; a person needs its last line. A problem this
// worker found with a download goes to the page as its facts, which the page words (runtime.mjs).
const lastLine = (error) =>
  String(error?.message ?? error)
    .trim()
    .split("\n")
    .pop();
const reasonOf = (error) => error?.facts ?? lastLine(error);
const downloadProblem = (facts) => Object.assign(new Error(`${facts.problem}: ${facts.file}`), { facts });

// Pyodide waits for ever when its WebAssembly file fails to download, is cut off, or is served
// with the wrong type, so the worker watches its own downloads and gives up at once.
let downloadFailed;
const failedDownload = new Promise((_, reject) => (downloadFailed = reject));
const fetchFromSite = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const file = String(resource.url ?? resource)
    .split("/")
    .pop();
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
  } else countBytes(response, file);
  return response;
};

// The page shows how much of the start's downloads has arrived, and counts its time limit from the last
// progress rather than from the start (runtime.mjs). The bytes are counted on a copy of the response:
// WebAssembly compiles from the browser's own, which keeps its compiled-code cache. A body that ends
// short of what the build wrote (a connection cut mid-way) or breaks off is a failed download at once.
const expected = buildInfo.sizes;
const total = Object.values(expected).reduce((sum, size) => sum + size, 0);
let received = 0;
let reported = -1; // percent: the page hears of each whole percent once
async function countBytes(response, file) {
  if (!(file in expected) || !response.body) return;
  const reader = response.clone().body.getReader();
  let bytes = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.length;
      received += chunk.value.length;
      const percent = Math.floor((100 * received) / total);
      if (percent !== reported && self.name !== MAKER) postMessage({ type: "progress", received, total });
      reported = percent;
    }
  } catch {
    // cut off: the connection broke
  }
  if (bytes !== expected[file]) downloadFailed(downloadProblem({ problem: "download_cut", file }));
}

// The stored snapshot, if it was made from this very build and runtime (its bytes still to be read);
// any other is deleted.
async function storedSnapshot() {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const stored = await cache.match(SNAPSHOT);
    if (!stored) return null;
    if (stored.headers.get("x-build") === buildInfo.build && stored.headers.get("x-runtime") === buildInfo.runtime) {
      return stored;
    }
    await cache.delete(SNAPSHOT);
  } catch {
    // no CacheStorage here (an insecure page, storage blocked): start the usual way
  }
  return null;
}

const forgetSnapshot = () => caches.delete(SNAPSHOT_CACHE).catch(() => {});

// Everything a start needs is asked for at once, from this script's first line: the two runtime scripts
// (pyodide.mjs would import the second only once it has run), and the calculators. A failure is seen
// where each is awaited (or pyodide.mjs imports the second).
const runtimeScript = import(`${indexURL}pyodide.mjs`);
const calculatorsZip = fetch(siteURL(buildInfo.calculators)).then((response) => response.arrayBuffer());
for (const early of [runtimeScript, calculatorsZip, import(`${indexURL}pyodide.asm.mjs`)]) early.catch(() => {});

// The standard library and the calculators come compiled (hooks/pyodide_runtime.py); with no
// package to install, the lock file's facts travel in build-info instead of a download.
async function startPython({ snapshot = null, makeSnapshot = false } = {}) {
  const { loadPyodide } = await runtimeScript;
  const pyodide = await loadPyodide({
    indexURL,
    stdLibURL: siteURL(buildInfo.stdlib),
    lockFileContents: buildInfo.lock,
    // Read while Pyodide fetches and compiles its WebAssembly: it waits for the bytes only then.
    ...(snapshot && { _loadSnapshot: snapshot.arrayBuffer() }),
    ...(makeSnapshot && { _makeSnapshot: true }),
  });
  // The files live outside Python's memory, so a restored snapshot needs the zip written again (the
  // very bytes it was made with: same build), but not imported again.
  pyodide.FS.writeFile("/lib/calculators.zip", new Uint8Array(await calculatorsZip));
  if (!snapshot) {
    // Only strings cross into Python before a snapshot is taken: a snapshot cannot hold JavaScript objects.
    pyodide.runPython("import sys; sys.path.insert(0, '/lib/calculators.zip'); import calculators.web");
  }
  return { pyodide, web: pyodide.pyimport("calculators.web") };
}

// Restored when a snapshot of this build is kept; otherwise, or when restoring fails, the usual way.
async function startForThePage() {
  const snapshot = await storedSnapshot();
  if (snapshot) {
    try {
      return { ...(await startPython({ snapshot })), fromSnapshot: true };
    } catch {
      await forgetSnapshot();
    }
  }
  return { ...(await startPython()), fromSnapshot: false };
}

// The snapshot holds every calculator imported, with its words read: any page starts ready to answer.
async function makeAndStoreSnapshot() {
  const { pyodide, web } = await startPython({ makeSnapshot: true });
  web.prepare("*");
  const image = pyodide.makeMemorySnapshot();
  const headers = { "content-type": "application/octet-stream", "x-build": buildInfo.build, "x-runtime": buildInfo.runtime };
  await (await caches.open(SNAPSHOT_CACHE)).put(SNAPSHOT, new Response(image, { headers }));
}

if (self.name === MAKER) {
  Promise.race([failedDownload, makeAndStoreSnapshot()]).then(
    () => postMessage({ type: "snapshot-stored" }),
    (error) => postMessage({ type: "snapshot-failed", reason: lastLine(error) }),
  );
} else {
  const started = Promise.race([failedDownload, startForThePage()]);

  started.then(
    ({ fromSnapshot }) => postMessage({ type: "ready", build: buildInfo.build, fromSnapshot }),
    (error) => postMessage({ type: "failed", reason: reasonOf(error) }),
  );

  addEventListener("message", async ({ data: { id, name, payload, today, prepare, language } }) => {
    try {
      const { web } = await started;
      // The page's calculators, imported after "ready" while the reader reads the form (calculators/web.py).
      if (prepare !== undefined) return void web.prepare(prepare, language);
      postMessage({ type: "answer", id, json: web.run_json(name, payload, today, language) });
    } catch (error) {
      if (prepare === undefined) postMessage({ type: "answer", id, failure: reasonOf(error) });
    }
  });
}
