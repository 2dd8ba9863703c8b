// Compile Python ahead of time with the pinned Pyodide itself (CPython 3.14 in WebAssembly, under
// Node), so a reader's browser never compiles the standard library or the calculators from source.
// stdin: {"stdlib": path of Pyodide's python_stdlib.zip, "keep": [files to keep],
//         "wheel": path of the calculators wheel, "stdlibOut": path, "calculatorsOut": path}
// Writes two zips of sourceless .pyc files (and the data files beside them), stored, not deflated,
// with fixed dates so the same inputs give the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve("node_modules/pyodide/pyodide.js"));
const job = JSON.parse(readFileSync(0, "utf8"));

const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => console.error(line) });
pyodide.FS.writeFile("/tmp/stdlib.zip", readFileSync(job.stdlib));
pyodide.FS.writeFile("/tmp/calculators.whl", readFileSync(job.wheel));
pyodide.globals.set("keep", pyodide.toPy(job.keep));
pyodide.runPython(`
import importlib._bootstrap_external as bootstrap
import zipfile

FIXED = (2026, 1, 1, 0, 0, 0)


def compile_zip(source, target, names):
    """Each .py becomes a sourceless .pyc at the same place; other files are copied as they are."""
    with zipfile.ZipFile(source) as given, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for name in sorted(names):
            data = given.read(name)
            if name.endswith(".py"):
                code = compile(data, name, "exec", dont_inherit=True)
                out.writestr(zipfile.ZipInfo(name[:-3] + ".pyc", FIXED), bytes(bootstrap._code_to_timestamp_pyc(code, 0, 0)))
            else:
                out.writestr(zipfile.ZipInfo(name, FIXED), data)


compile_zip("/tmp/stdlib.zip", "/tmp/stdlib-out.zip", set(keep))
with zipfile.ZipFile("/tmp/calculators.whl") as wheel:
    package = [name for name in wheel.namelist() if name.startswith("calculators/")]
compile_zip("/tmp/calculators.whl", "/tmp/calculators-out.zip", package)
`);
writeFileSync(job.stdlibOut, pyodide.FS.readFile("/tmp/stdlib-out.zip"));
writeFileSync(job.calculatorsOut, pyodide.FS.readFile("/tmp/calculators-out.zip"));
