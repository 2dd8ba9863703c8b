// "Clear everything": removes all this guide keeps on this device (answers, the call log, the copies
// kept for offline use, the Python snapshot) and its service worker. A page that a later build removed
// can leave answers behind that no page's own button clears any more: this one reaches them all, from
// the about page. Everything the guide keeps is named "cp523-…" (remember.mjs, calculators.mjs, sw.js).
import { stopOfflineCopies } from "./offline.mjs";
import strings from "./strings.mjs";

const OURS = /^cp523-/;

async function clearEverything() {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage).filter((key) => OURS.test(key))) storage.removeItem(key);
  }
  await stopOfflineCopies(); // else this page's own registration, still to come, would bring it back
  if ("caches" in self) for (const name of (await caches.keys()).filter((name) => OURS.test(name))) await caches.delete(name);
  for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
}

function bind(button) {
  if (button.dataset.bound) return;
  button.dataset.bound = "true";
  const status = document.getElementById(button.getAttribute("aria-controls"));
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await clearEverything();
      status.textContent = strings.clear_all.done;
    } catch {
      status.textContent = strings.clear_all.failed;
    }
  });
}

const bindAll = () => document.querySelectorAll("[data-clear-everything]").forEach(bind);
if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
