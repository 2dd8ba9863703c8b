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

// What was saved, or null when there is nothing usable (missing, corrupt, or from another version).
export function load(name) {
  try {
    const saved = JSON.parse(localStorage.getItem(keyFor(name)));
    if (saved?.version !== VERSION || !isTextMap(saved.answers)) return null;
    const ticked = isTextMap(saved.ticked) ? saved.ticked : {};
    return { answers: saved.answers, ticked };
  } catch {
    return null;
  }
}

export function save(name, answers, ticked) {
  try {
    localStorage.setItem(keyFor(name), JSON.stringify({ version: VERSION, answers, ticked }));
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
