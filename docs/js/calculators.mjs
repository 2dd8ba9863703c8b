// Page side of the calculators: binds every calculator form on the page to one
// shared worker. The worker starts on the first page that has a calculator and
// lives for the whole visit, across Material's instant page changes.
import buildInfo from "./build-info.mjs";
import "./call-log.mjs"; // the call log on "Before you call", which asks the same worker
import "./clear-all.mjs"; // the about page's "Clear everything"
import * as remember from "./remember.mjs";
import { shortOfSpace } from "./offline.mjs";
import { ask, BUILD, onProgress, prepare, startWorker } from "./runtime.mjs";
import { renderAnswer } from "./results.mjs";
import strings, { date, fill } from "./strings.mjs";

// The message for a runtime that failed to start, with its reason. When the service worker said this
// device had no room to keep the calculator, without a connection it cannot start: "check your
// connection" alone would not say why, nor what helps.
function failedMessage(root, reason) {
  const message = shortOfSpace() ? strings.status.short_of_space : strings.status.failed;
  return fill(message, { reason, phone: root.dataset.irsPhone });
}

// "Today" is the device's own date (runtime.mjs sends it). A date before this build was made means
// the device's clock is wrong: the calculator is not asked, so no answer is worked out for the wrong
// day. The build's day is a UTC day; a right local date can be one day behind it, never two.
function wrongClock() {
  if (!buildInfo.built) return null;
  const now = new Date();
  const [year, month, day] = buildInfo.built.split("-").map(Number);
  const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  if (local >= Date.UTC(year, month - 1, day - 1)) return null;
  return fill(strings.wrong_clock, {
    device_date: date(now.getFullYear(), now.getMonth() + 1, now.getDate()),
    built_date: date(year, month, day),
  });
}

// `quiet`: the message is for screen readers only, because the same words are on screen already
// (an answer's first sentence).
const BUSY_AFTER_MS = 100;

function setState(root, state, message, { quiet = false } = {}) {
  root.dataset.state = state;
  const status = root.querySelector(".calc-status");
  if (message !== undefined) status.textContent = message;
  status.classList.toggle("visually-hidden", quiet);
}

function readAnswers(form) {
  const answers = {};
  for (const wrapper of form.querySelectorAll("[data-field]")) {
    if (wrapper.hidden) continue; // a question that does not apply to the answers given
    const name = wrapper.dataset.field;
    const radios = wrapper.querySelectorAll('input[type="radio"]');
    if (radios.length) answers[name] = [...radios].find((radio) => radio.checked)?.value ?? "";
    else answers[name] = wrapper.querySelector("input").value;
  }
  return answers;
}

// Questions that matter only after a given answer (data-shown-when / data-shown-for) stay hidden
// until then. Without JavaScript every question shows.
function showQuestionsThatApply(form) {
  for (const wrapper of form.querySelectorAll("[data-shown-when]")) {
    const chosen = form.querySelector(`[data-field="${CSS.escape(wrapper.dataset.shownWhen)}"] input:checked`)?.value;
    wrapper.hidden = !wrapper.dataset.shownFor.split(" ").includes(chosen);
  }
}

function firstInput(form, name) {
  return form.querySelector(`[data-field="${CSS.escape(name)}"] input`);
}

function clearErrors(root) {
  const form = root.querySelector("form");
  form.querySelector(".calc-error-summary").hidden = true;
  for (const wrapper of form.querySelectorAll("[data-field]")) {
    wrapper.classList.remove("calc-field--error");
    const message = wrapper.querySelector(".calc-error");
    message.hidden = true;
    message.textContent = "";
    for (const input of wrapper.querySelectorAll("input")) {
      input.removeAttribute("aria-invalid");
      const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== message.id);
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  }
  if (document.title.startsWith(strings.error_prefix)) document.title = document.title.slice(strings.error_prefix.length);
}

function showErrors(root, errors) {
  const form = root.querySelector("form");
  const summary = form.querySelector(".calc-error-summary");
  const list = summary.querySelector("ul");
  list.replaceChildren();
  for (const [name, text] of Object.entries(errors)) {
    const item = document.createElement("li");
    const input = firstInput(form, name);
    if (input) {
      const link = document.createElement("a");
      link.href = `#${input.id}`;
      link.textContent = text;
      link.addEventListener("click", (event) => {
        // Handled here, and kept from Material's instant navigation: once its sitemap has loaded it
        // takes any same-site link as a page change, sets the address to the hash and reloads the
        // page, which empties the form.
        event.preventDefault();
        event.stopPropagation();
        input.closest("details")?.setAttribute("open", "");
        input.focus();
        input.closest("[data-field]").scrollIntoView({ block: "center" });
      });
      item.append(link);
      const wrapper = input.closest("[data-field]");
      wrapper.closest("details")?.setAttribute("open", "");
      wrapper.classList.add("calc-field--error");
      const message = wrapper.querySelector(".calc-error");
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = strings.error_prefix;
      message.replaceChildren(hidden, text);
      message.hidden = false;
      for (const each of wrapper.querySelectorAll("input")) {
        each.setAttribute("aria-invalid", "true");
        const ids = (each.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        each.setAttribute("aria-describedby", [...ids, message.id].join(" "));
      }
    } else {
      item.textContent = text;
    }
    list.append(item);
  }
  summary.hidden = false;
  document.title = strings.error_prefix + document.title;
  summary.focus();
}

// The answer fills the screen: its top (the headline, the date, the button to call, the first step)
// is scrolled to the top of the window, and its heading takes the focus, so a screen reader starts there.
function showAnswer(root, name, answer, { quiet = false } = {}) {
  const section = root.querySelector(".calc-result");
  section.querySelector(".calc-result-body").replaceChildren(...renderAnswer(answer, tickKeeper(root, name)));
  section.hidden = false;
  if (quiet) return;
  // After the frame that paints it: scrolling and focus then cost no extra layout before the answer shows.
  requestAnimationFrame(() => {
    section.scrollIntoView({ block: "start" });
    section.querySelector("h2").focus({ preventScroll: true });
  });
}

// "Change your answers", beside the answer's heading: back to the form's first question, which takes
// the focus. Made here: without JavaScript there is no answer to come back from.
function addChangeAnswers(root) {
  const top = root.querySelector(".calc-result-top");
  if (!top || top.querySelector(".calc-change")) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "calc-change no-print";
  button.textContent = strings.change_answers;
  button.addEventListener("click", () => {
    const first = root.querySelector(".calc-form [data-field]:not([hidden]) input");
    if (!first) return;
    first.closest("[data-field]").scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  });
  top.append(button);
}

// Ticked boxes on a remembered calculator's answer, kept with its answers (set up by bindRemembering).
const ticksByRoot = new WeakMap();

function tickKeeper(root, name) {
  const ticked = ticksByRoot.get(root);
  if (!ticked) return { ticked: {}, onTick: () => {} };
  return {
    ticked,
    onTick(id, done) {
      if (done) ticked[id] = "done";
      else delete ticked[id];
      remember.save(name, readAnswers(root.querySelector("form")), ticked);
    },
  };
}

function setFormAnswers(form, answers) {
  for (const wrapper of form.querySelectorAll("[data-field]")) {
    const value = answers[wrapper.dataset.field];
    if (value === undefined) continue;
    const radios = wrapper.querySelectorAll('input[type="radio"]');
    if (radios.length) for (const radio of radios) radio.checked = radio.value === value;
    else wrapper.querySelector("input").value = value;
  }
}

// Answers carried from one calculator page to the next, in this tab only (sessionStorage, gone when
// the tab closes; never sent anywhere): saved by field name with every answer, and put into the EMPTY
// fields of the same name on the next calculator page. What the reader typed is never overwritten.
const CARRIED_ANSWERS = "cp523-answers";
const LONGEST_CARRIED = 100; // no answer is longer than the calculators accept (fields.py LONGEST_TEXT)

function carriedAnswers() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(CARRIED_ANSWERS));
    if (saved === null || typeof saved !== "object" || Array.isArray(saved)) return {};
    return Object.fromEntries(
      Object.entries(saved).filter(([, value]) => typeof value === "string" && value && value.length <= LONGEST_CARRIED),
    );
  } catch {
    return {};
  }
}

function carryAnswers(answers) {
  const carried = carriedAnswers();
  for (const [name, value] of Object.entries(answers)) {
    if (value) carried[name] = value;
    else delete carried[name]; // a field the reader emptied is not filled again elsewhere
  }
  try {
    sessionStorage.setItem(CARRIED_ANSWERS, JSON.stringify(carried));
  } catch {
    // storage is off or full: nothing is carried, and everything still works
  }
}

function forgetCarriedAnswers() {
  try {
    sessionStorage.removeItem(CARRIED_ANSWERS);
  } catch {
    // nothing was carried
  }
}

function fillCarriedAnswers(form) {
  const carried = carriedAnswers();
  for (const wrapper of form.querySelectorAll("[data-field]")) {
    const value = carried[wrapper.dataset.field];
    if (value === undefined) continue;
    const radios = [...wrapper.querySelectorAll('input[type="radio"]')];
    if (radios.length) {
      const match = radios.find((radio) => radio.value === value);
      if (match && !radios.some((radio) => radio.checked)) match.checked = true;
    } else {
      const input = wrapper.querySelector("input");
      if (input && !input.value) input.value = value;
    }
  }
}

// Run the calculator on the form's answers. `quiet`: restoring saved answers, so focus stays put.
async function calculate(root, { quiet = false } = {}) {
  const name = root.dataset.calculator;
  const form = root.querySelector("form");
  if (root.dataset.state === "busy") {
    root.dataset.askAgain = "true"; // never dropped: answered once the current question is done
    return;
  }
  const clock = wrongClock();
  if (clock) {
    clearErrors(root);
    root.querySelector(".calc-result").hidden = true;
    if (!quiet) showErrors(root, { today: clock }); // not a field: the summary says it
    return;
  }
  const before = root.dataset.state;
  root.dataset.state = "busy";
  // An answer takes milliseconds once the calculator runs: the spinner and "working it out" (read out
  // by screen readers) come only if it is slow, so a quick answer is not preceded by a flash of both.
  const slow = setTimeout(
    () => {
      root.dataset.slow = "";
      setState(root, "busy", before === "loading" ? strings.status.busy_starting : strings.status.busy);
    },
    before === "loading" ? 0 : BUSY_AFTER_MS,
  );
  performance.mark("calculator-asked");
  const answers = readAnswers(form);
  const reply = await ask(name, answers);
  clearTimeout(slow);
  delete root.dataset.slow;
  if (reply.otherBuild) return reloadForNewBuild(root, { asked: true });
  if (reply.failure) {
    delete root.dataset.askAgain;
    setState(root, "error", failedMessage(root, reply.failure));
    return;
  }
  // The fields changed, or the button was pressed again, while this was worked out: answer what
  // the fields show now, so an answer never belongs to older figures.
  if (root.dataset.askAgain || JSON.stringify(readAnswers(form)) !== JSON.stringify(answers)) {
    delete root.dataset.askAgain;
    root.dataset.state = "ready";
    return calculate(root, { quiet });
  }
  const answer = JSON.parse(reply.json);
  clearErrors(root);
  root.querySelector(".calc-result").hidden = true;
  if (answer.ok) {
    setState(root, "ready", fill(strings.answer_ready, { headline: answer.answer.headline }), { quiet: true });
    showAnswer(root, name, answer.answer, { quiet });
    carryAnswers(answers);
    performance.mark("calculator-answered");
  } else if (quiet) {
    setState(root, "ready", strings.status.ready);
  } else {
    // Said to screen readers; on screen, the error summary says it once.
    const problems = fill(strings.problems, { count: Object.keys(answer.errors).length });
    setState(root, "ready", problems, { quiet: true });
    showErrors(root, answer.errors);
  }
}

function bindRemembering(root, starting) {
  const name = root.dataset.calculator;
  const form = root.querySelector("form");
  const status = root.querySelector(".calc-remember-status");
  if (!remember.storageWorks()) {
    status.textContent = strings.remember.off;
    return;
  }
  status.textContent = strings.remember.on;
  const fields = [...form.querySelectorAll("[data-field]")].map((wrapper) => wrapper.dataset.field);
  const saved = remember.load(name, fields);
  ticksByRoot.set(root, saved?.ticked ?? {});
  if (saved) {
    setFormAnswers(form, saved.answers);
    showQuestionsThatApply(form);
    starting.then(
      () => calculate(root, { quiet: true }),
      () => {},
    );
  }
  const keep = () => {
    const kept = remember.save(name, readAnswers(form), ticksByRoot.get(root));
    status.textContent = kept ? strings.remember.on : strings.remember.off;
  };
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  root.querySelector(".calc-forget").addEventListener("click", () => {
    remember.forget(name);
    forgetCarriedAnswers(); // the same button clears what this tab carries between pages
    ticksByRoot.set(root, {});
    form.reset();
    showQuestionsThatApply(form);
    clearErrors(root);
    root.querySelector(".calc-result").hidden = true;
    status.textContent = strings.remember.cleared;
  });
}

// The site was deployed while this tab was open, and the form, this script or the worker come from
// different builds. Answers from another build are never shown: one reload brings the three together,
// and the answers typed so far come back with it (kept in this tab's session storage until then).
const RELOADED_FOR = "cp523-reloaded-for";
const CARRIED = "cp523-carried-";
let reloading = false; // the start and a question in flight can both find the other build

function reloadForNewBuild(root, { asked = false } = {}) {
  const key = CARRIED + root.dataset.calculator;
  try {
    if (!reloading && sessionStorage.getItem(RELOADED_FOR) === root.dataset.build) throw new Error("reloaded once already");
    sessionStorage.setItem(RELOADED_FOR, root.dataset.build);
    const askedBefore = JSON.parse(sessionStorage.getItem(key))?.asked;
    sessionStorage.setItem(key, JSON.stringify({ answers: readAnswers(root.querySelector("form")), asked: asked || Boolean(askedBefore) }));
  } catch {
    // A second reload would not help (or could not keep the answers): say so instead of looping.
    setState(root, "error", fill(strings.status.failed, { reason: strings.reasons.reload, phone: root.dataset.irsPhone }));
    return;
  }
  if (!reloading) freshScripts().then(() => location.reload());
  reloading = true;
}

// Without a service worker (a private window, site data blocked), a reload takes the page's scripts
// from the browser's cache for as long as the host's headers allow (Last-Modified alone, max-age):
// the old build's, again. Fetched past that cache first, the reload finds the new build's there.
// (build-info.mjs may be the old build's too: its list of names is what counts.)
function freshScripts() {
  if (navigator.serviceWorker?.controller) return Promise.resolve(); // it revalidates every script itself
  const site = new URL("../", import.meta.url);
  const fresh = (buildInfo.scripts ?? []).map((path) => fetch(new URL(path, site), { cache: "reload" }).catch(() => {}));
  return Promise.all(fresh);
}

// Answers carried over a reload for a new build: put back, and asked again if they had been.
function takeCarried(root) {
  const key = CARRIED + root.dataset.calculator;
  try {
    const carried = JSON.parse(sessionStorage.getItem(key));
    sessionStorage.removeItem(key);
    return carried;
  } catch {
    return null;
  }
}

// How much of the calculator's download has arrived, under the status while it starts: on a slow link
// the reader sees it moving. Not a live region: the status says what is happening, this line only moves.
function showProgress(root, { received, total }) {
  if (performance.now() < 1000 && received < total) return; // a quick start shows no flicker
  const status = root.querySelector(".calc-status");
  const line = root.querySelector(".calc-progress") ?? status.insertAdjacentElement("afterend", document.createElement("p"));
  line.className = "calc-progress";
  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  const percent = Math.floor((100 * received) / total);
  line.textContent = fill(strings.status.progress, { received: megabytes(received), total: megabytes(total), percent });
  line.hidden = percent >= 100;
}

function bind(root) {
  if (root.dataset.bound) return;
  root.dataset.bound = "true";
  if (root.dataset.build !== BUILD) return reloadForNewBuild(root); // instant navigation to a newer page
  setState(root, "loading", strings.status.loading);
  onProgress((progress) => root.isConnected && showProgress(root, progress));
  const starting = startWorker();
  prepare(root.dataset.calculator);
  starting.then(
    () => root.dataset.state === "loading" && setState(root, "ready", strings.status.ready),
    (error) => (error.otherBuild ? reloadForNewBuild(root) : setState(root, "error", failedMessage(root, error.message))),
  );
  const form = root.querySelector("form");
  const carried = takeCarried(root);
  if (carried?.answers) setFormAnswers(form, carried.answers);
  if (carried?.asked)
    starting.then(
      () => calculate(root),
      () => {},
    );
  // The buttons are type="button" (the form never submits: nothing typed may reach a URL), so the
  // page answers their clicks, and Enter in a text field, itself.
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const button of form.querySelectorAll(".calc-submit")) button.addEventListener("click", () => calculate(root));
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches("input[type=text]")) {
      event.preventDefault();
      calculate(root);
    }
  });
  form.addEventListener("change", () => showQuestionsThatApply(form));
  showQuestionsThatApply(form);
  addChangeAnswers(root);
  if (root.dataset.remember) bindRemembering(root, starting);
  // After what this device remembers (the checklist) and what a reload carried: only empty fields.
  fillCarriedAnswers(form);
  showQuestionsThatApply(form);
}

function bindAll() {
  for (const root of document.querySelectorAll("[data-calculator]")) bind(root);
}

if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
