// The gate page: decide at once in the browser, queue every scan in localStorage, sync in batches.
import { decide } from "./badge-check.js";

const config = JSON.parse(document.getElementById("gate-config").textContent);
const KEY = (name) => `salon.gate.${config.edition}.${name}`;
const $ = (id) => document.getElementById(id);
const load = (name, fallback) => {
  try { return JSON.parse(localStorage.getItem(KEY(name))) ?? fallback; } catch { return fallback; }
};
const save = (name, value) => localStorage.setItem(KEY(name), JSON.stringify(value));

let bundle = load("bundle", null);
let queue = load("queue", []);
const presence = load("presence", {});
let online = navigator.onLine;
let syncing = false;
let hideTimer = null;

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function render() {
  $("unsynced").textContent = String(queue.length);
  const status = $("gate-status");
  status.innerHTML = online ? '<span class="online">● online</span>' : '<span class="offline">● offline</span>';
  status.dataset.online = online ? "1" : "0";
  $("bundle-info").textContent = bundle ? ` · bundle ${new Date(bundle.generated_at).toLocaleTimeString()}` : " · no bundle yet";
}

function fillGates() {
  const select = $("gate-select");
  const chosen = load("gate", null);
  select.innerHTML = "";
  for (const gate of bundle ? bundle.gates : []) {
    const option = document.createElement("option");
    option.value = String(gate.id);
    option.textContent = `${gate.name} (${gate.zone})`;
    option.selected = String(gate.id) === String(chosen);
    select.appendChild(option);
  }
}

async function refreshBundle() {
  try {
    const response = await fetch(config.bundleUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`bundle ${response.status}`);
    bundle = await response.json();
    save("bundle", bundle);
    online = true;
    fillGates();
  } catch {
    online = false;
  }
  render();
}

function show(verdict, holder) {
  const box = $("verdict");
  box.className = `gate-verdict show ${verdict.admitted ? "green" : "red"}`;
  box.dataset.reason = verdict.reason;
  box.dataset.admitted = verdict.admitted ? "1" : "0";
  box.dataset.source = verdict.source;
  if (verdict.source === "local") {
    box.dataset.localReason = verdict.reason;
    delete box.dataset.serverReason;
  } else box.dataset.serverReason = verdict.reason;
  $("verdict-big").textContent = verdict.admitted ? "✔ OK" : "✖ STOP";
  $("verdict-reason").textContent = config.messages[verdict.reason] || verdict.reason;
  $("verdict-who").textContent = holder || verdict.category || "";
  const warn = $("verdict-warn");
  warn.hidden = !verdict.warnings.length;
  warn.textContent = verdict.warnings.join(" · ");
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => box.classList.remove("show"), 2500);
  const line = document.createElement("li");
  line.textContent = `${new Date().toLocaleTimeString()} ${verdict.reason} ${verdict.source}`;
  $("history").prepend(line);
  while ($("history").children.length > 20) $("history").lastChild.remove();
}

async function sync() {
  if (syncing || !queue.length) return null;
  syncing = true;
  const sending = queue.slice(0, 200);
  try {
    const response = await fetch(config.batchUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ sent_at: new Date().toISOString(), scans: sending }),
    });
    if (!response.ok) throw new Error(`batch ${response.status}`);
    const answer = await response.json();
    const done = new Set(answer.results.map((r) => r.scan_id));
    queue = load("queue", []).filter((scan) => !done.has(scan.scan_id));
    save("queue", queue);
    online = true;
    return answer.results;
  } catch {
    online = false;
    return null;
  } finally {
    syncing = false;
    render();
  }
}

async function onScan(text) {
  if (!bundle) { await refreshBundle(); }
  if (!bundle) return;
  const gateId = $("gate-select").value;
  const direction = document.querySelector('input[name="direction"]:checked').value;
  const scan = { scan_id: uuid(), payload: text, gate: gateId, direction, device_time: new Date().toISOString() };
  const local = decide(bundle, text, gateId, direction, new Date(), presence);
  save("presence", presence);
  queue = load("queue", []);
  queue.push(scan);
  save("queue", queue);
  show({ ...local, source: "local" });
  render();
  const results = await sync();
  const mine = results && results.find((r) => r.scan_id === scan.scan_id);
  if (mine && (mine.reason !== local.reason || mine.admitted !== local.admitted)) {
    // The server knew better (a revocation after the last bundle, a passback at another gate…).
    show({ reason: mine.reason, admitted: mine.admitted, warnings: mine.warnings, category: mine.category,
      source: "server" }, mine.holder);
  } else if (mine) {
    $("verdict").dataset.source = "server";
    $("verdict").dataset.serverReason = mine.reason;
    $("verdict-who").textContent = mine.holder || mine.category || "";
  }
}

function startCamera() {
  const video = $("camera");
  const detector = "BarcodeDetector" in window ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
  const canvas = document.createElement("canvas");
  let last = "";
  navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then((stream) => {
    video.srcObject = stream;
    video.style.display = "block";
    video.play();
    const tick = async () => {
      if (video.readyState >= 2) {
        let text = null;
        if (detector) {
          const codes = await detector.detect(video).catch(() => []);
          text = codes.length ? codes[0].rawValue : null;
        } else if (window.jsQR) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          const context = canvas.getContext("2d");
          context.drawImage(video, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = window.jsQR(image.data, image.width, image.height);
          text = code ? code.data : null;
        }
        if (text && text !== last) { last = text; onScan(text); setTimeout(() => { last = ""; }, 3000); }
      }
      setTimeout(tick, 200);
    };
    tick();
  }).catch(() => { $("camera-btn").hidden = true; });
}

$("scan-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("scan-input");
  const text = input.value;
  input.value = "";
  if (text.trim()) onScan(text);
  input.focus();
});
$("gate-select").addEventListener("change", (event) => save("gate", event.target.value));
$("verdict").addEventListener("click", () => { $("verdict").classList.remove("show"); $("scan-input").focus(); });
window.addEventListener("online", () => { online = true; sync(); });
window.addEventListener("offline", () => { online = false; render(); });
if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
  $("camera-btn").hidden = false;
  $("camera-btn").addEventListener("click", startCamera);
}
if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(config.serviceWorker, { scope: "/gate/" }).catch(() => {});
}
setInterval(() => { if (queue.length) sync(); }, 3000);
setInterval(refreshBundle, 60000);
fillGates();
render();
refreshBundle().then(sync);
document.body.dataset.gateReady = "1";
