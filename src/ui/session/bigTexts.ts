/**
 * Texts too big for the browser's local storage (a cluster dump is tens of MB; local storage holds
 * a few MB per site) kept in IndexedDB instead, one record per text under its `packetwalk-big:`
 * key. The session record (in local storage) names them; it is written only once the texts it
 * names are stored, so a save never points at a text that is not there. Loaded on demand: only a
 * workspace holding such a text needs this module.
 */

const DB_NAME = "packetwalk";
const STORE = "texts";

let opened: Promise<IDBDatabase> | null = null;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
  });
}

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new Error("IndexedDB is not available"));
      return;
    }
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error("IndexedDB cannot be opened"));
    open.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/** The texts stored under `keys`; a key with no text is left out. */
export async function readBigTexts(keys: readonly string[]): Promise<Map<string, string>> {
  const db = await database();
  const store = db.transaction(STORE, "readonly").objectStore(STORE);
  const texts = await Promise.all(keys.map((k) => request<unknown>(store.get(k))));
  const found = new Map<string, string>();
  keys.forEach((k, i) => {
    const t = texts[i];
    if (typeof t === "string") found.set(k, t);
  });
  return found;
}

/** Every key stored. */
export async function bigTextKeys(): Promise<string[]> {
  const db = await database();
  const keys = await request(db.transaction(STORE, "readonly").objectStore(STORE).getAllKeys());
  return keys.filter((k): k is string => typeof k === "string");
}

/** Stores the texts in one transaction: all of them or, refused (quota, disabled), none. */
export async function writeBigTexts(texts: ReadonlyMap<string, string>): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  for (const [key, text] of texts) store.put(text, key);
  await done(tx);
}

/** Deletes the texts under `keys`. */
export async function deleteBigTexts(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const db = await database();
  const tx = db.transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  for (const key of keys) store.delete(key);
  await done(tx);
}
