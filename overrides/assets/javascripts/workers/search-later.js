// Stands in for the theme's search worker until a reader first searches.
// The theme's worker builds its whole search index as soon as any page loads: about half a second of
// processor time here, several seconds on a slow phone, spent while the calculator starts, for the few
// readers who search. This worker keeps the index the page sends and says it is ready; the first
// search loads the theme's own worker into this one, hands it the index, and then the search.
// It sits beside the theme's worker, which loads its language files relative to its own address.
// The messages are the theme's (Material's integrations/search/worker/message): 0 setup, 1 ready,
// 2 query, 3 result. The page asks for its empty box's results once it is ready: none, as the theme says.
const SETUP = 0;
const READY = 1;
const RESULT = 3;
const THEMES_WORKER = new URL(location.href).searchParams.get("worker");

let setup = null; // the index, as the page sent it
let state = "waiting"; // then "building", then "ready": the theme's worker answers everything
let handingOn = false;
const waitingQueries = [];
const post = self.postMessage.bind(self);

function handOn(data) {
  handingOn = true;
  self.dispatchEvent(new MessageEvent("message", { data }));
  handingOn = false;
}

// The theme's worker answers the setup with "ready", which the page had at once: kept back, and the
// searches asked meanwhile handed on.
self.postMessage = (message) => {
  if (state !== "building" || message?.type !== READY) return post(message);
  state = "ready";
  for (const query of waitingQueries.splice(0)) handOn(query);
};

self.addEventListener("message", (event) => {
  if (handingOn || state === "ready") return;
  event.stopImmediatePropagation();
  if (event.data?.type === SETUP) {
    setup = event.data;
    post({ type: READY });
  } else if (typeof event.data?.data === "string" && !event.data.data.trim()) {
    post({ type: RESULT, data: { items: [] } });
  } else {
    waitingQueries.push(event.data);
  }
  if (setup && waitingQueries.length && state === "waiting") {
    state = "building";
    try {
      if (!/^search\.[0-9a-f]+\.min\.js$/.test(THEMES_WORKER)) throw new Error("not the theme's search worker");
      importScripts(THEMES_WORKER); // adds the theme's listener after this one
    } catch {
      // Offline without the service worker's copy: no results this time, and the next search tries again.
      state = "waiting";
      for (const _ of waitingQueries.splice(0)) post({ type: RESULT, data: { items: [] } });
      return;
    }
    handOn(setup);
  }
});
