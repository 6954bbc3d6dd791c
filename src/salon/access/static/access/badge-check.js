// Offline badge decision, mirroring salon.access.domain.checkin (the server stays the authority).
import * as ed from "./vendor/noble-ed25519/index.js";
import { sha512 } from "./vendor/noble-hashes/sha2.js";

ed.hashes.sha512 = sha512; // synchronous verification, also on plain-HTTP venue networks without WebCrypto

const B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const HEADER = 22;
const PAYLOAD = HEADER + 64;
const DAY_ZERO = Date.UTC(2020, 0, 1);
const EXIT_TOLERATED = new Set(["revoked", "superseded", "wrong_day", "outside_hours", "zone_denied", "passback"]);

export function b45decode(text) {
  const out = [];
  for (let i = 0; i < text.length; i += 3) {
    const digits = [...text.slice(i, i + 3)].map((c) => {
      const k = B45.indexOf(c);
      if (k < 0) throw new Error("not base45");
      return k;
    });
    if (digits.length === 3) {
      const n = digits[0] + digits[1] * 45 + digits[2] * 2025;
      if (n > 0xffff) throw new Error("not base45");
      out.push(n >> 8, n & 0xff);
    } else if (digits.length === 2) {
      const n = digits[0] + digits[1] * 45;
      if (n > 0xff) throw new Error("not base45");
      out.push(n);
    } else throw new Error("not base45");
  }
  return new Uint8Array(out);
}

export function parsePayload(text) {
  const cleaned = (text || "").trim();
  if (!cleaned || cleaned.length > 200) return null;
  let raw;
  try { raw = b45decode(cleaned); } catch { return null; }
  if (raw.length !== PAYLOAD || raw[0] !== 1) return null;
  const v = new DataView(raw.buffer);
  return {
    editionId: v.getUint32(1), keyVersion: v.getUint16(5), badgeId: v.getUint32(7), issueVersion: v.getUint16(11),
    category: v.getUint8(13), zoneMask: v.getUint32(14), firstDay: v.getUint16(18), dayMask: v.getUint16(20),
    header: raw.slice(0, HEADER), signature: raw.slice(HEADER),
  };
}

function b64bytes(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function localClock(now, timeZone) {
  // The date and time at the venue, whatever the device's own time zone.
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(now).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function dayOffset(isoDate) {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - DAY_ZERO) / 86400000);
}

// -> {reason, admitted, warnings, badgeId, category}; presence is {"badge:zone": true} kept by the caller.
export function decide(bundle, text, gateId, direction, now, presence) {
  const warnings = [];
  const result = (reason, extra = {}) => {
    let admitted = reason === "ok";
    if (!admitted && direction === "out" && EXIT_TOLERATED.has(reason)) {
      warnings.push(reason);
      reason = "ok";
      admitted = true;
    }
    return { reason, admitted, warnings, ...extra };
  };
  const gate = bundle.gates.find((g) => String(g.id) === String(gateId));
  if (!gate) return result("unknown_gate");
  const claims = parsePayload(text);
  if (!claims) return result("malformed");
  if (claims.editionId !== bundle.edition.id) return result("other_edition");
  const key = bundle.keys.find((k) => k.version === claims.keyVersion);
  let valid = false;
  try { valid = !!key && ed.verify(claims.signature, claims.header, b64bytes(key.public_key)); } catch { valid = false; }
  if (!valid) return result("forged");
  const category = bundle.categories[String(claims.category)] || "";
  const who = { badgeId: claims.badgeId, category };
  if (bundle.revoked.includes(claims.badgeId)) return result("revoked", who);
  const current = bundle.current_versions.find((row) => row[0] === claims.badgeId);
  const currentKey = (bundle.keys.find((k) => k.current) || {}).version;
  const expected = current ? [current[1], current[2]] : [currentKey, 1];
  if (claims.keyVersion !== expected[0] || claims.issueVersion !== expected[1]) return result("superseded", who);
  const local = localClock(now, bundle.edition.timezone);
  const offset = dayOffset(local.date) - claims.firstDay;
  const validToday = offset >= 0 && offset < 16 && ((claims.dayMask >> offset) & 1) === 1;
  const zone = bundle.zones.find((z) => z.code === gate.zone);
  const rule = zone && zone.rules.find((r) => r.category === category);
  let refusal = null;
  if (!validToday) refusal = "wrong_day";
  else if (!zone || zone.bit === null || ((claims.zoneMask >>> zone.bit) & 1) !== 1 || !rule) refusal = "zone_denied";
  else if (rule.days.length && !rule.days.includes(local.date)) refusal = "wrong_day";
  else if (rule.opens && !(rule.opens <= local.time && local.time < rule.closes)) refusal = "outside_hours";
  if (refusal && direction !== "out") return result(refusal, who);
  if (refusal) warnings.push(refusal);
  const place = `${claims.badgeId}:${gate.zone}`;
  if (direction === "in" && presence[place]) {
    if (bundle.passback_mode === "deny") return result("passback", who);
    warnings.push("passback");
  }
  presence[place] = direction === "in";
  return result("ok", who);
}
