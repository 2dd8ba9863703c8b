// The call log on "Before you call": each call to the IRS (date, time, who, their ID number, what was
// agreed, the next date), kept in this browser only once the reader adds a call, under remember.mjs's
// rules (one versioned key, bounded, cleared by its own button). Nothing is sent anywhere. What is read
// back is checked field by field: a log that was changed or is too big is cleared, and the page says so.
// The calendar file of its next dates is made by the calculators' Python (call_card.log_calendar) in
// the page's worker, with the checklist's calendar_file.py: this file only moves strings.
import * as remember from "./remember.mjs";
import { ask } from "./runtime.mjs";
import strings, { date, fill } from "./strings.mjs";

const NAME = "call-log";
const MOST_CALLS = 50;
// Each field: its input, its longest text, and the form it must have (checked on the way back in).
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = {
  date: { type: "date", longest: 10, form: DAY, label: strings.call_log.date },
  time: { type: "time", longest: 5, form: /^(\d{2}:\d{2})?$/, label: strings.call_log.time },
  name: { type: "text", longest: 100, label: strings.call_log.name },
  id: { type: "text", longest: 40, label: strings.call_log.id, hint: strings.call_log.id_hint },
  agreed: { type: "textarea", longest: 500, label: strings.call_log.agreed },
  next: { type: "date", longest: 10, form: /^(\d{4}-\d{2}-\d{2})?$/, label: strings.call_log.next },
};

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

const isCall = (call) =>
  call !== null &&
  typeof call === "object" &&
  !Array.isArray(call) &&
  Object.keys(call).length === Object.keys(FIELDS).length &&
  Object.entries(FIELDS).every(([field, rule]) => {
    const value = call[field];
    return typeof value === "string" && value.length <= rule.longest && (!rule.form || rule.form.test(value));
  }) &&
  DAY.test(call.date);

// The calls kept, or null (and the log cleared) when what is kept is not a log this page wrote.
function loadCalls() {
  const kept = remember.loadRecord(NAME);
  if (kept.state === "empty") return [];
  if (kept.state === "kept" && Array.isArray(kept.data) && kept.data.length <= MOST_CALLS && kept.data.every(isCall)) {
    return kept.data;
  }
  remember.forget(NAME);
  return null;
}

// A day as the language writes it (2026-12-01 → 12/1/2026); a time as people in the US say it.
const day = (iso) => date(...iso.split("-").map(Number));
function time(text) {
  const [hour, minute] = text.split(":").map(Number);
  const entry = hour < 12 ? strings.call_log.time_am : strings.call_log.time_pm;
  return fill(entry, { hour: hour % 12 || 12, minute: String(minute).padStart(2, "0") });
}

function who(call) {
  if (call.name && call.id) return fill(strings.call_log.spoke_to_id, { name: call.name, id: call.id });
  if (call.name) return fill(strings.call_log.spoke_to, { name: call.name });
  if (call.id) return fill(strings.call_log.id_only, { id: call.id });
  return "";
}

function field(id, name, rule) {
  const input =
    rule.type === "textarea"
      ? element("textarea", { id, rows: "3", maxlength: String(rule.longest) })
      : element("input", { id, type: rule.type, maxlength: String(rule.longest), autocomplete: "off" });
  input.dataset.logField = name;
  const parts = [element("label", { for: id }, rule.label)];
  if (rule.hint) {
    parts.push(element("p", { class: "calc-hint", id: `${id}-hint` }, rule.hint));
    input.setAttribute("aria-describedby", `${id}-hint`);
  }
  return element("div", { class: "calc-field" }, ...parts, input);
}

function download(text, name) {
  // The file is made on this device from the Python's answer: nothing is uploaded.
  const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
  const link = element("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function bind(root) {
  if (root.dataset.bound) return;
  root.dataset.bound = "true";
  const works = remember.storageWorks();
  let calls = loadCalls();
  const refused = calls === null;
  calls ??= [];

  const inputs = Object.fromEntries(Object.entries(FIELDS).map(([name, rule]) => [name, field(`call-log-${name}`, name, rule)]));
  const add = element("button", { type: "button", class: "md-button md-button--primary" }, strings.call_log.add);
  const form = element(
    "form",
    { class: "call-log-form", novalidate: "", "aria-label": strings.call_log.form_label },
    ...Object.values(inputs),
    add,
  );
  const status = element("p", { class: "call-log-status", role: "status" });
  const list = element("ol", { class: "call-log-list", "aria-label": strings.call_log.entries });
  const empty = element("p", { class: "call-log-empty" }, strings.call_log.empty);
  const print = element("button", { type: "button", class: "md-button" }, strings.call_log.print);
  const calendar = element("button", { type: "button", class: "md-button" }, strings.call_log.calendar);
  const clear = element("button", { type: "button", class: "md-button" }, strings.call_log.clear);
  const buttons = element("p", { class: "call-log-buttons" }, print, " ", calendar, " ", clear);
  const keptNote = element("p", { class: "call-log-kept" });
  root.querySelector(".call-log-place").replaceWith(keptNote, form, status, empty, list, buttons);

  const input = (name) => inputs[name].querySelector("input, textarea");
  const say = (text) => (status.textContent = text);
  function show() {
    list.replaceChildren(
      ...calls.map((call, index) => {
        const remove = element("button", { type: "button", class: "md-button call-log-remove" }, strings.call_log.remove);
        remove.addEventListener("click", () => {
          const kept = calls.filter((_, other) => other !== index);
          if (!remember.saveRecord(NAME, kept)) return say(strings.call_log.not_kept);
          calls = kept;
          show();
          say(strings.call_log.removed);
          add.focus();
        });
        const lines = [
          who(call),
          call.agreed && fill(strings.call_log.agreed_label, { agreed: call.agreed }),
          call.next && fill(strings.call_log.next_label, { day: day(call.next) }),
        ];
        return element(
          "li",
          { class: "call-log-call" },
          element("strong", {}, [day(call.date), call.time && time(call.time)].filter(Boolean).join(", ")),
          ...lines.filter(Boolean).map((line) => element("span", { class: "call-log-line" }, line)),
          remove,
        );
      }),
    );
    empty.hidden = calls.length > 0;
    list.hidden = calls.length === 0;
    calendar.hidden = !calls.some((call) => call.next);
  }

  add.addEventListener("click", () => {
    const call = Object.fromEntries(Object.keys(FIELDS).map((name) => [name, input(name).value.trim().slice(0, FIELDS[name].longest)]));
    input("date").removeAttribute("aria-invalid");
    if (!DAY.test(call.date)) {
      input("date").setAttribute("aria-invalid", "true");
      input("date").focus();
      return say(strings.call_log.need_date);
    }
    if (!isCall(call)) return say(strings.call_log.need_date); // a browser without date inputs: typed, not picked
    if (calls.length >= MOST_CALLS) return say(fill(strings.call_log.full, { count: MOST_CALLS }));
    if (!remember.saveRecord(NAME, [...calls, call])) return say(strings.call_log.not_kept);
    calls = [...calls, call];
    form.reset();
    show();
    say(strings.call_log.added);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  print.addEventListener("click", () => {
    // Paper gets the log alone (guide.css: .print-call-log), until the print dialog closes.
    document.documentElement.classList.add("print-call-log");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("print-call-log"), { once: true });
    window.print();
  });
  calendar.addEventListener("click", async () => {
    say(strings.call_log.calendar_busy);
    const entries = calls.filter((call) => call.next).map((call) => ({ next_date: call.next, agreed: call.agreed }));
    const reply = await ask("call_log", { entries });
    if (reply.failure) return say(fill(strings.call_log.calendar_failed, { reason: reply.failure }));
    const answer = JSON.parse(reply.json);
    if (!answer.ok) return say(answer.errors.input);
    say("");
    download(answer.calendar_text, answer.calendar_file);
  });
  clear.addEventListener("click", () => {
    remember.forget(NAME);
    calls = [];
    form.reset();
    show();
    say(strings.call_log.cleared);
  });

  show();
  if (refused) say(strings.call_log.refused);
  else if (!works) say(strings.call_log.not_kept);
  else keptNote.textContent = strings.call_log.kept;
}

function bindAll() {
  for (const root of document.querySelectorAll("[data-call-log]")) bind(root);
}

if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
