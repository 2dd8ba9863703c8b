// Register the service worker that lets the guide work offline after a first visit, and tell
// the reader once it is ready. Registration waits until the page has loaded and, on a page with a
// calculator, until the calculator is ready, then for the browser to be idle: installing the worker
// copies the whole guide, which on a first visit would compete with Python's start.
import { afterStartUp } from "./runtime.mjs";
import strings from "./strings.mjs";

const SCOPE = new URL("../", import.meta.url);

// Remembered on the device from the service worker's word (sw.js), because the failure it explains
// comes on a later visit, offline; forgotten once the calculator's files are kept.
const SHORT_OF_SPACE = "cp523-short-of-space";

export function shortOfSpace() {
  try {
    return localStorage.getItem(SHORT_OF_SPACE) !== null;
  } catch {
    return false;
  }
}

// "Clear everything" (clear-all.mjs) stops this page from registering the service worker again after
// it has removed it: a registration still waiting for idle time never starts, one under way is awaited.
let stopped = false;
let registering = Promise.resolve();

export function stopOfflineCopies() {
  stopped = true;
  return registering;
}

function remember(shortOfSpaceNow) {
  try {
    if (shortOfSpaceNow) localStorage.setItem(SHORT_OF_SPACE, "yes");
    else localStorage.removeItem(SHORT_OF_SPACE);
  } catch {
    // a browser that keeps nothing: the plain messages stay
  }
}

function showOfflineReady() {
  const footer = document.querySelector(".md-footer-meta__inner, .md-copyright");
  if (!footer) return;
  const note = footer.querySelector(".offline-status") ?? footer.appendChild(document.createElement("p"));
  note.className = "offline-status";
  note.textContent = shortOfSpace() ? strings.offline.short_of_space : strings.offline.ready;
}

// On a page in another language than the guide's first, ask the service worker to keep that language's
// pages too (it keeps them at once for a reader whose page is open when it installs).
function keepLanguage() {
  const language = document.documentElement.lang;
  if (language && language !== "en") navigator.serviceWorker.controller?.postMessage({ type: "keep-language", part: `${language}/` });
}

// On a page with a calculator, ask the service worker to keep the calculator's files too.
function keepCalculators() {
  if (document.querySelector("[data-calculator]")) navigator.serviceWorker.controller?.postMessage({ type: "cache-calculators" });
}

if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type === "offline-ready") {
      showOfflineReady();
      keepCalculators();
      keepLanguage();
    } else if (data?.type === "storage-full" || data?.type === "calculators-cached") {
      remember(data.type === "storage-full");
      if (document.querySelector(".offline-status")) showOfflineReady();
    }
  });
  // The service worker's address names the build on the server now, read past every cache: a host that
  // answers "not modified" for a replaced file cannot keep a reader on the last build (sw.js).
  const builtNow = () =>
    fetch(new URL("sw-manifest.js", SCOPE), { cache: "no-store" })
      .then((response) => response.text())
      .then((text) => text.match(/"version": "([0-9a-f]+)"/)?.[1] ?? "");
  const register = () => {
    if (stopped) return;
    registering = builtNow()
      .then((version) =>
        // updateViaCache "none": the browser asks the server for sw.js and sw-manifest.js on every check,
        // never its HTTP cache, so a new build's service worker is found on the next page load.
        navigator.serviceWorker.register(new URL(`sw.js?build=${version}`, SCOPE), { scope: SCOPE.pathname, updateViaCache: "none" }),
      )
      .then((registration) => {
        if (registration.active) showOfflineReady();
        registration.update(); // look for a new build now, not whenever the browser gets to it
      })
      .catch(() => {}); // offline use is a bonus: the guide works without it
  };
  afterStartUp(register);
  if (window.document$)
    window.document$.subscribe(() => {
      if (!navigator.serviceWorker.controller) return;
      showOfflineReady();
      keepCalculators();
      keepLanguage();
    });
}
