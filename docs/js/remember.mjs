// Keep a calculator's answers (and ticked boxes) in this browser, under one versioned key,
// so a reader can come back to the checklist. Nothing is sent anywhere. Storage may be
// missing or full (private browsing): every call then fails quietly and says so.

const VERSION = 1;
const keyFor = (name) => `cp523-guide:${name}:v${VERSION}`;

export function storageWorks() {
  try {
    const probe = "cp523-guide:probe";
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

const isTextMap = (value) =>
  value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string");

// Bounds on what is put back: no answer is longer than the calculators accept (LONGEST_TEXT in
// calculators/fields.py), and a checklist has only a few habits to tick.
const LONGEST_ANSWER = 100;
const MOST_TICKS = 20;

// Only the page's own questions (`fields`), answers no longer than any calculator accepts, and a few
// well-formed ticks: the bounds of what is written, and of what is put back (an oversized or tampered
// entry is dropped, and the next save writes back only what is kept).
function bounded(answers, ticked, fields) {
  const kept = Object.entries(isTextMap(answers) ? answers : {});
  const ticks = isTextMap(ticked) ? Object.entries(ticked) : [];
  return {
    answers: Object.fromEntries(kept.filter(([field, value]) => fields.includes(field) && value.length <= LONGEST_ANSWER)),
    ticked: Object.fromEntries(ticks.filter(([id, value]) => value === "done" && /^[a-z_]{1,40}$/.test(id)).slice(0, MOST_TICKS)),
  };
}

// What was saved, or null when there is nothing usable (missing, corrupt, or from another version).
export function load(name, fields) {
  try {
    const saved = JSON.parse(localStorage.getItem(keyFor(name)));
    if (saved?.version !== VERSION || !isTextMap(saved.answers)) return null;
    return bounded(saved.answers, saved.ticked, fields);
  } catch {
    return null;
  }
}

export function save(name, answers, ticked) {
  try {
    const kept = bounded(answers, ticked, Object.keys(answers));
    localStorage.setItem(keyFor(name), JSON.stringify({ version: VERSION, ...kept }));
    return true;
  } catch {
    return false;
  }
}

export function forget(name) {
  try {
    localStorage.removeItem(keyFor(name));
  } catch {
    // nothing was kept, so nothing to clear
  }
}

// Any other record kept under the same rules (the call log, call-log.mjs): one versioned key, kept only
// when the reader acts, never bigger than MOST_BYTES, cleared by its own button. What comes back is the
// record's `data` for the caller to check; a record too big or not ours is cleared, and says so.
export const MOST_BYTES = 64_000;

export function loadRecord(name) {
  try {
    const text = localStorage.getItem(keyFor(name));
    if (text === null) return { state: "empty" };
    const saved = text.length <= MOST_BYTES ? JSON.parse(text) : null;
    if (saved?.version === VERSION && saved.data !== undefined) return { state: "kept", data: saved.data };
  } catch {
    // not JSON, or storage refused to read: treated as not ours
  }
  forget(name);
  return { state: "refused" };
}

export function saveRecord(name, data) {
  const text = JSON.stringify({ version: VERSION, data });
  if (text.length > MOST_BYTES) return false;
  try {
    localStorage.setItem(keyFor(name), text);
    return true;
  } catch {
    return false;
  }
}
