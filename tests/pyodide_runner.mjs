// Run calculator requests inside the pinned Pyodide (CPython 3.14 compiled to WebAssembly),
// under Node, with the same wheel the site serves, installed the way the browser installs it.
// stdin: {"wheel": path, "requests": [{"name", "payload" (JSON text), "today"}]}
// stdout: {"python": version, "answers": [each answer's JSON text, in order],
//          "stdlib": [every standard-library file Python imported from the zip, for trimming it]}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve("node_modules/pyodide/pyodide.js"));

const { wheel, requests } = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => console.error(line) });
await pyodide.loadPackage(path.resolve(wheel), { messageCallback: () => {} });
const web = pyodide.pyimport("calculators.web");
web.prepare(""); // every calculator up front (calculators/registry.py imports them lazily)
const runJson = web.run_json;
const answers = requests.map(({ name, payload, today }) => runJson(name, payload, today));
const python = pyodide.runPython("import platform; platform.python_version()");
// A Python error reaching JavaScript is formatted with traceback: exercise that path too.
try {
  pyodide.runPython("raise ValueError('traced')");
} catch {}
const stdlib = JSON.parse(
  pyodide.runPython(`
import json, sys
json.dumps(sorted({m.__file__.split(".zip/", 1)[1] for m in list(sys.modules.values())
                   if ".zip/" in (getattr(m, "__file__", None) or "")}))
`),
);
process.stdout.write(JSON.stringify({ python, answers, stdlib }));
