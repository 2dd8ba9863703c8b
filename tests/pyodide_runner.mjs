// Run calculator requests inside the pinned Pyodide (CPython 3.14 compiled to
// WebAssembly), under Node, with the same wheel the site serves.
// stdin: {"wheel": path, "requests": [{"name", "payload" (JSON text), "today"}]}
// stdout: {"python": version, "answers": [each answer's JSON text, in order]}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve("node_modules/pyodide/pyodide.js"));

const { wheel, requests } = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => console.error(line) });
const bytes = readFileSync(wheel);
pyodide.unpackArchive(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), "wheel", {
  extractDir: pyodide.runPython("import site; site.getsitepackages()[0]"),
});
const runJson = pyodide.pyimport("calculators.web").run_json;
const answers = requests.map(({ name, payload, today }) => runJson(name, payload, today));
const python = pyodide.runPython("import platform; platform.python_version()");
process.stdout.write(JSON.stringify({ python, answers }));
